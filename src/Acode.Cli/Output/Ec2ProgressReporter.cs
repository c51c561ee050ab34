using Acode.Application.Compute;
using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Events;

namespace Acode.Cli.Output;

/// <summary>
/// Prints the EC2 target's lifecycle events as progress lines on standard error while a command runs (launching,
/// state changes, running, spot fallback or interruption, cost alerts, terminating) and remembers the final cost for
/// the closing line. Plain lines, so they read the same in a terminal and in a CI log.
/// </summary>
internal sealed class Ec2ProgressReporter : IDisposable
{
    private readonly TextWriter _writer;
    private readonly List<IDisposable> _subscriptions = [];

    public Ec2ProgressReporter(IEventPublisher events, TextWriter writer)
    {
        _writer = writer;
        On<Ec2InstanceLaunchingEvent>(events, e => $"launched {e.InstanceId} ({e.InstanceType}, {(e.IsSpot ? "spot" : "on-demand")}, {e.Region}); billing has started");
        On<Ec2InstanceStateChangedEvent>(events, e => e.PreviousState == Ec2InstanceState.Unknown
            ? $"{e.InstanceId}: {Ec2StateNames.Format(e.CurrentState)}"
            : $"{e.InstanceId}: {Ec2StateNames.Format(e.PreviousState)} -> {Ec2StateNames.Format(e.CurrentState)}{(e.StateReason is null || e.StateReason == Ec2StateNames.Format(e.CurrentState) ? string.Empty : $" ({e.StateReason})")}");
        On<Ec2InstanceRunningEvent>(events, e => $"{e.InstanceId} ready at {e.Host} after {Durations.Format(e.ProvisionDuration)}");
        On<Ec2LaunchAttemptRefusedEvent>(events, e => $"{e.Attempt}: {e.AwsErrorCode}; {(e.NextAttempt is null ? "no attempt left" : "trying " + e.NextAttempt)}");
        On<Ec2SpotFallbackEvent>(events, e => $"no spot {e.InstanceType} in {e.Region} ({string.Join(", ", e.AwsErrorCodes)}); falling back to on-demand at {Money.Hourly(e.OnDemandHourlyRate)}");
        On<Ec2SpotInterruptionEvent>(events, e => $"{e.InstanceId}: spot interruption ({e.InterruptionReason}){(e.WillFallbackToOnDemand ? "; replacing it on-demand" : string.Empty)}");
        On<Ec2CostAlertEvent>(events, e => $"{e.InstanceId}: cost {Money.Format(e.CurrentCost)} crossed the alert threshold {Money.Format(e.Threshold)} after {Durations.Format(e.RunDuration)}");
        On<Ec2InstanceTerminatingEvent>(events, e =>
        {
            Terminated = true;
            CostUnknown |= e.EstimatedCost is null;
            Cost = (Cost ?? 0m) + (e.EstimatedCost ?? 0m);
            return $"terminating {e.InstanceId} after {Durations.Format(e.RunDuration)}; {Money.Cost(e.EstimatedCost)}";
        });
    }

    /// <summary>The known cost of the instances terminated during the run; null when none was.</summary>
    public decimal? Cost { get; private set; }

    /// <summary>True when the price of some terminated instance was not known, so <see cref="Cost"/> is not the total.</summary>
    public bool CostUnknown { get; private set; }

    /// <summary>The closing line's cost part: <c>cost $x</c>, <c>cost unknown</c>, or null when nothing was terminated.</summary>
    public string? CostSummary => !Terminated ? null : CostUnknown ? Money.Unknown : Money.Cost(Cost);

    private bool Terminated { get; set; }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void On<TEvent>(IEventPublisher events, Func<TEvent, string> line)
        where TEvent : notnull =>
        _subscriptions.Add(events.Subscribe<TEvent>((e, _) => _writer.WriteLineAsync("acode: " + line(e))));
}
