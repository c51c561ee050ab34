namespace Acode.Application.Compute;

/// <summary>
/// The configuration a <see cref="IComputeTargetFactory"/> turns into a target. Each target type derives its own
/// immutable record (SSH, EC2), so a factory receives typed settings instead of a string bag.
/// </summary>
public abstract record ComputeTargetConfiguration
{
    /// <summary>The target type this configuration is for, e.g. <c>ssh</c> or <c>ec2</c>.</summary>
    public abstract string TargetType { get; }
}
