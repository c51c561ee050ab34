using System.Text.Json.Serialization;
using Acode.Domain.Compute.Ec2;

namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>One acode instance as <c>acode target ec2 list</c> and the cleanup plan show it.</summary>
public sealed record Ec2InstanceListing
{
    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The instance type.</summary>
    public required string InstanceType { get; init; }

    /// <summary>The region.</summary>
    public required string Region { get; init; }

    /// <summary>EC2's state name (<c>running</c>, <c>stopped</c>, ...).</summary>
    public required string State { get; init; }

    /// <summary>When EC2 launched it.</summary>
    public required DateTimeOffset LaunchTime { get; init; }

    /// <summary>Time since launch when listed.</summary>
    public required TimeSpan Age { get; init; }

    /// <summary>The public address, else the private one; null when it has none yet.</summary>
    public string? Address { get; init; }

    /// <summary>True for spot, false for on-demand.</summary>
    public required bool Spot { get; init; }

    /// <summary>$/h of instance, EBS and public address together; null when no price is known offline.</summary>
    public decimal? HourlyRate { get; init; }

    /// <summary>Cost since launch at that rate (an upper bound for an instance that spent time stopped); null when unknown.</summary>
    public decimal? CostSoFar { get; init; }

    /// <summary>Whether cleanup would terminate it.</summary>
    public required bool Orphan { get; init; }

    /// <summary>Why it is an orphan.</summary>
    public required Ec2OrphanReasons OrphanReasons { get; init; }

    /// <summary>Why it is kept, when it is not an orphan.</summary>
    public required Ec2KeepReason KeepReason { get; init; }

    /// <summary>The decision in words (age and threshold, expiry, live session).</summary>
    public required string Reason { get; init; }

    /// <summary>The <c>acode:session</c> tag.</summary>
    public string? SessionId { get; init; }

    /// <summary>The <c>acode:owner</c> tag (<c>user@host</c>).</summary>
    public string? Owner { get; init; }

    /// <summary>The <c>acode:expires-at</c> tag, parsed.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Everything DescribeInstances said, for callers that need more than the row.</summary>
    [JsonIgnore]
    public required Ec2InstanceInfo Instance { get; init; }
}
