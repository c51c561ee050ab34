using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2;
using Acode.Cli.CommandLine;
using Acode.Infrastructure.Compute.Ec2.Orphans;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.Cli.Commands;

/// <summary>One instance as <c>acode target ec2 list</c> and <c>cleanup</c> show it (also the JSON shape).</summary>
internal sealed record Ec2InstanceRow
{
    public required string InstanceId { get; init; }

    public required string InstanceType { get; init; }

    public required string Region { get; init; }

    public required string State { get; init; }

    public required DateTimeOffset LaunchTime { get; init; }

    public required double AgeSeconds { get; init; }

    public string? PublicIp { get; init; }

    public string? PrivateIp { get; init; }

    public required bool Spot { get; init; }

    /// <summary>$/h of instance, EBS and addresses together; null when no price is known offline.</summary>
    public decimal? HourlyRate { get; init; }

    /// <summary>Cost since launch at that rate (an upper bound for an instance that spent time stopped); null when unknown.</summary>
    public decimal? CostSoFar { get; init; }

    /// <summary>An orphan by <see cref="Ec2OrphanRules"/>: older than the threshold or past its expiry, and no live local session.</summary>
    public required bool Orphan { get; init; }

    /// <summary>
    /// Why it is an orphan (<c>launched 3h ago (threshold 2h)</c>), or why an instance old enough is kept (its session is
    /// alive here); null for a fresh instance.
    /// </summary>
    public string? OrphanReason { get; init; }

    /// <param name="instance">The instance as DescribeInstances showed it.</param>
    /// <param name="now">The current time.</param>
    /// <param name="orphanThreshold">The orphan threshold.</param>
    /// <param name="isSessionAlive">Whether a session is alive locally (<see cref="Ec2SessionRegistry.IsAlive"/>), as the orphan sweep asks.</param>
    /// <param name="ledger">The cost ledger's record of the instance, when it has one: its accrued cost wins over the estimate.</param>
    public static Ec2InstanceRow From(Ec2InstanceInfo instance, DateTimeOffset now, TimeSpan orphanThreshold, Func<string, bool>? isSessionAlive, Ec2CostRecord? ledger)
    {
        var age = now - instance.LaunchTime;
        // Null (shown as "cost unknown") rather than guessed when the catalogue has no price for the type or region.
        var cost = Ec2CostCalculator.TryCalculate(Ec2CostRequest.FromInstance(instance, age));

        var verdict = Ec2OrphanRules.Evaluate(instance, now, orphanThreshold, isSessionAlive);
        return new Ec2InstanceRow
        {
            InstanceId = instance.InstanceId,
            InstanceType = instance.InstanceType,
            Region = instance.Region,
            State = Output.Ec2StateNames.Format(instance.State),
            LaunchTime = instance.LaunchTime,
            AgeSeconds = Math.Round(age.TotalSeconds),
            PublicIp = instance.PublicIp,
            PrivateIp = instance.PrivateIp,
            Spot = instance.IsSpotInstance,
            HourlyRate = cost?.HourlyRate ?? ledger?.HourlyRate,
            CostSoFar = ledger is not null ? ledger.CostAt(now) : cost?.TotalCost,
            Orphan = verdict.IsOrphan,
            OrphanReason = verdict.Reasons != Ec2OrphanReasons.None ? verdict.Description : null,
        };
    }

    /// <summary>
    /// What <c>list</c> and <c>cleanup</c> both need to build rows: the time now, the live local sessions and the cost
    /// ledger, read once; the result turns an instance and the orphan threshold into its row.
    /// </summary>
    public static async Task<Func<Ec2InstanceInfo, TimeSpan, Ec2InstanceRow>> CreateMakerAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var now = context.Host.Time.GetUtcNow();
        var sessions = context.Services.GetService<Ec2SessionRegistry>();
        var ledger = await ReadLedgerAsync(context.Services.GetService<IEc2CostLedger>(), cancellationToken);
        return (instance, threshold) =>
            From(instance, now, threshold, sessions is null ? null : sessions.IsAlive, ledger.GetValueOrDefault(instance.InstanceId));
    }

    /// <summary>The cost ledger's latest record per instance id; empty when there is no ledger or it cannot be read.</summary>
    private static async Task<IReadOnlyDictionary<string, Ec2CostRecord>> ReadLedgerAsync(IEc2CostLedger? ledger, CancellationToken cancellationToken)
    {
        if (ledger is null)
        {
            return new Dictionary<string, Ec2CostRecord>();
        }

        try
        {
            var records = await ledger.ReadAllAsync(cancellationToken);
            return records.GroupBy(r => r.InstanceId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.MaxBy(r => r.LastSeen)!, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The estimate stands in for an unreadable ledger; the listing itself must not fail for it.
            return new Dictionary<string, Ec2CostRecord>();
        }
    }
}
