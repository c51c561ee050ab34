using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Diagnostics;

namespace Acode.Infrastructure.Compute.Ec2.Diagnostics;

/// <summary>
/// <c>acode target test ec2</c>: the dry-run checklist (<see cref="Ec2DryRunChecklist"/>, launches nothing) and, unless
/// a dry run is asked for, the lifecycle smoke test (<see cref="Ec2LifecycleSmokeTest"/>). A failed check does not stop
/// the others, except that nothing can be asked of AWS without credentials.
/// </summary>
/// <param name="dependencies">The EC2 target's services (credentials, clients, clock); a full run launches through them.</param>
public sealed class Ec2TargetDiagnostics(Ec2TargetDependencies dependencies) : IEc2TargetDiagnostics
{
    private readonly Ec2TargetDependencies _dependencies = dependencies ?? throw new ArgumentNullException(nameof(dependencies));

    /// <inheritdoc />
    public async Task<IReadOnlyList<Ec2DiagnosticCheck>> RunAsync(Ec2Configuration configuration, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _dependencies.ModeValidator.EnsureCloudAllowed(Ec2Configuration.Ec2TargetType);
        var checks = new Ec2DiagnosticChecks(_dependencies.TimeProvider);
        var inRegion = await new Ec2DryRunChecklist(_dependencies).RunAsync(checks, configuration, cancellationToken).ConfigureAwait(false);
        if (!dryRun && inRegion is not null)
        {
            await new Ec2LifecycleSmokeTest(_dependencies).RunAsync(checks, inRegion, cancellationToken).ConfigureAwait(false);
        }

        return checks.All;
    }
}
