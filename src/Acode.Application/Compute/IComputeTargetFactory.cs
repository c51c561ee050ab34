namespace Acode.Application.Compute;

/// <summary>Creates compute targets of one type.</summary>
public interface IComputeTargetFactory
{
    /// <summary>The target type this factory creates, e.g. <c>ssh</c> or <c>ec2</c>.</summary>
    string TargetType { get; }
}
