using Acode.Application.Compute.Ec2.Spot;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Spot;

/// <summary>
/// The two looks of <see cref="SpotInterruptionWatcher"/>: the instance's metadata <c>spot/instance-action</c> over SSH,
/// then DescribeInstances' state reason. Each is bounded by the probe timeout; a failed look is logged and yields no
/// notice, so only AWS's word ever raises one.
/// </summary>
internal sealed class SpotInterruptionProbes(
    string instanceId,
    Func<string, CancellationToken, Task<(int ExitCode, string Stdout)>>? runRemote,
    Func<CancellationToken, Task<Ec2InstanceStateProbe?>>? describe,
    TimeProvider time,
    TimeSpan probeTimeout,
    ILogger logger)
{
    private readonly string _instanceId = instanceId;
    private readonly Func<string, CancellationToken, Task<(int ExitCode, string Stdout)>>? _runRemote = runRemote;
    private readonly Func<CancellationToken, Task<Ec2InstanceStateProbe?>>? _describe = describe;
    private readonly TimeProvider _time = time;
    private readonly TimeSpan _probeTimeout = probeTimeout;
    private readonly ILogger _logger = logger;

    /// <summary>The notice when either look finds one, the metadata first.</summary>
    public async Task<SpotInterruptionNotice?> ProbeAsync(CancellationToken cancellationToken) =>
        await ProbeImdsAsync(cancellationToken).ConfigureAwait(false)
        ?? await ProbeDescribeAsync(cancellationToken).ConfigureAwait(false);

    private async Task<SpotInterruptionNotice?> ProbeImdsAsync(CancellationToken cancellationToken)
    {
        if (_runRemote is null)
        {
            return null;
        }

        using var deadline = new CancellationTokenSource(_probeTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var (exitCode, stdout) = await _runRemote(SpotInstanceAction.Command, timeout.Token).ConfigureAwait(false);
            if (exitCode != 0)
            {
                Ec2Log.SpotImdsProbeExitCode(_logger, _instanceId, exitCode);
                return null;
            }

            return SpotInstanceAction.Parse(stdout) is { } found
                ? new SpotInterruptionNotice(_instanceId, found.Action, found.Time, SpotInterruptionNotice.ImdsSource)
                : null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            ProbeFailed(SpotInterruptionNotice.ImdsSource, e);
            return null;
        }
    }

    private async Task<SpotInterruptionNotice?> ProbeDescribeAsync(CancellationToken cancellationToken)
    {
        if (_describe is null)
        {
            return null;
        }

        using var deadline = new CancellationTokenSource(_probeTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var state = await _describe(timeout.Token).ConfigureAwait(false);
            return state?.StateReasonCode is { } code && code.StartsWith("Server.SpotInstance", StringComparison.Ordinal)
                ? new SpotInterruptionNotice(_instanceId, code, _time.GetUtcNow(), SpotInterruptionNotice.DescribeInstancesSource)
                : null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            ProbeFailed(SpotInterruptionNotice.DescribeInstancesSource, e);
            return null;
        }
    }

    private void ProbeFailed(string probe, Exception e) => Ec2Log.SpotProbeFailed(_logger, probe, _instanceId, e);
}
