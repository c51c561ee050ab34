using Acode.Domain;

namespace Acode.Application.Compute.Ec2;

/// <summary>
/// Teardown could not confirm that everything acode created is gone (the endpoint stopped answering, or a call kept
/// failing). Names every resource that may remain so the user can remove it (or run <c>acode target ec2 cleanup</c>).
/// </summary>
public sealed class Ec2CleanupIncompleteException : AcodeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="remainingResources">Resources that may remain, e.g. <c>instance i-0abc (us-east-1)</c>.</param>
    /// <param name="innerException">The last failure.</param>
    public Ec2CleanupIncompleteException(IReadOnlyList<string> remainingResources, Exception? innerException)
        : base(
            "EC2 teardown did not complete; these may remain and keep costing money: " + string.Join(", ", remainingResources)
            + ". Remove them in the AWS console or with 'acode target ec2 cleanup' (they are tagged acode=true)."
            + (innerException is null ? string.Empty : $" Last error: {innerException.Message}"),
            innerException)
    {
        RemainingResources = remainingResources;
    }

    /// <summary>The resources that may remain.</summary>
    public IReadOnlyList<string> RemainingResources { get; }
}
