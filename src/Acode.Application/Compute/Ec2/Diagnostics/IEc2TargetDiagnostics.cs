namespace Acode.Application.Compute.Ec2.Diagnostics;

/// <summary>
/// What <c>acode target test ec2</c> runs (issue 6). A dry run launches nothing: credentials (STS
/// GetCallerIdentity), region, AMI, instance type offered, subnet and security groups, <c>DryRun=true</c> for the
/// calls acode makes, and the cost estimate. A full run goes through the whole lifecycle with timings per phase.
/// </summary>
public interface IEc2TargetDiagnostics
{
    /// <summary>Runs every check (a failed one does not stop the others) and returns them in order.</summary>
    /// <param name="configuration">The validated EC2 configuration in force.</param>
    /// <param name="dryRun">True to launch nothing and spend nothing.</param>
    /// <param name="cancellationToken">Cancels the run; a full run still terminates what it launched.</param>
    Task<IReadOnlyList<Ec2DiagnosticCheck>> RunAsync(Ec2Configuration configuration, bool dryRun, CancellationToken cancellationToken = default);
}
