namespace Acode.Application.Compute;

/// <summary>Creates compute targets of one type.</summary>
public interface IComputeTargetFactory
{
    /// <summary>The target type this factory creates, e.g. <c>ssh</c> or <c>ec2</c>.</summary>
    string TargetType { get; }

    /// <summary>Creates a target (not yet prepared) from its typed configuration.</summary>
    /// <exception cref="InvalidConfigurationException">The configuration is of another type or invalid.</exception>
    Task<IComputeTarget> CreateAsync(ComputeTargetConfiguration configuration, CancellationToken cancellationToken = default);
}
