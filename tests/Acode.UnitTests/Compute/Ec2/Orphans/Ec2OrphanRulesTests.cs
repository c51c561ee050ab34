using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Orphans;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Microsoft.Extensions.Time.Testing;

namespace Acode.UnitTests.Compute.Ec2.Orphans;

/// <summary>The orphan rule as a table (FR-073/074): tag, state, age against the threshold, expiry, live session, force.</summary>
public sealed class Ec2OrphanRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, int, string?, bool, bool, int, bool, Ec2OrphanReasons, Ec2KeepReason> Table => new()
    {
        // name, state, age min, expires-at offset ("-5" = 5 min ago), acode tag, live session, threshold min, force, reasons, keep
        { "old running", "running", 121, null, true, false, 120, false, Ec2OrphanReasons.OlderThanThreshold, Ec2KeepReason.None },
        { "exactly the threshold", "running", 120, null, true, false, 120, false, Ec2OrphanReasons.OlderThanThreshold, Ec2KeepReason.None },
        { "a minute young", "running", 119, null, true, false, 120, false, Ec2OrphanReasons.None, Ec2KeepReason.Fresh },
        { "old pending", "pending", 300, null, true, false, 120, false, Ec2OrphanReasons.OlderThanThreshold, Ec2KeepReason.None },
        { "old stopping", "stopping", 300, null, true, false, 120, false, Ec2OrphanReasons.OlderThanThreshold, Ec2KeepReason.None },
        { "old stopped", "stopped", 300, null, true, false, 120, false, Ec2OrphanReasons.OlderThanThreshold, Ec2KeepReason.None },
        { "shutting down", "shutting-down", 300, null, true, false, 120, false, Ec2OrphanReasons.None, Ec2KeepReason.NotActive },
        { "terminated", "terminated", 300, null, true, false, 120, false, Ec2OrphanReasons.None, Ec2KeepReason.NotActive },
        { "untagged and old", "running", 300, null, false, false, 120, false, Ec2OrphanReasons.None, Ec2KeepReason.NotAcode },
        { "fresh but expired", "running", 10, "-5", true, false, 120, false, Ec2OrphanReasons.PastExpiry, Ec2KeepReason.None },
        { "fresh, expiry ahead", "running", 10, "30", true, false, 120, false, Ec2OrphanReasons.None, Ec2KeepReason.Fresh },
        { "old and expired", "running", 300, "-1", true, false, 120, false, Ec2OrphanReasons.OlderThanThreshold | Ec2OrphanReasons.PastExpiry, Ec2KeepReason.None },
        { "expires this instant", "running", 10, "0", true, false, 120, false, Ec2OrphanReasons.PastExpiry, Ec2KeepReason.None },
        { "old, live session", "running", 300, null, true, true, 120, false, Ec2OrphanReasons.OlderThanThreshold, Ec2KeepReason.LiveSession },
        { "expired, live session", "running", 10, "-5", true, true, 120, false, Ec2OrphanReasons.PastExpiry, Ec2KeepReason.LiveSession },
        { "old, live session, forced", "running", 300, null, true, true, 120, true, Ec2OrphanReasons.OlderThanThreshold, Ec2KeepReason.None },
        { "zero threshold, brand new", "pending", 0, null, true, false, 0, false, Ec2OrphanReasons.OlderThanThreshold, Ec2KeepReason.None },
        { "zero threshold, live session", "running", 0, null, true, true, 0, false, Ec2OrphanReasons.OlderThanThreshold, Ec2KeepReason.LiveSession },
        { "untagged beats force", "running", 300, null, false, true, 0, true, Ec2OrphanReasons.None, Ec2KeepReason.NotAcode },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decides_by_the_table(
        string name, string state, int ageMinutes, string? expiresOffset, bool tagged, bool live, int thresholdMinutes, bool force, Ec2OrphanReasons reasons, Ec2KeepReason keep)
    {
        var time = new FakeTimeProvider(Start);
        var launched = time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(ageMinutes));
        var now = time.GetUtcNow();
        var tags = new Dictionary<string, string> { [Ec2TagKeys.Session] = "s1" };
        if (tagged)
        {
            tags[Ec2TagKeys.Acode] = Ec2TagKeys.AcodeValue;
        }

        if (expiresOffset is not null)
        {
            tags[Ec2TagKeys.ExpiresAt] = Ec2Tags.FormatTimestamp(now.AddMinutes(int.Parse(expiresOffset, System.Globalization.CultureInfo.InvariantCulture)));
        }

        var instance = Instance(state, launched, tags);
        var verdict = Ec2OrphanRules.Evaluate(instance, now, TimeSpan.FromMinutes(thresholdMinutes), id => live && id == "s1", force);

        Assert.True((reasons, keep) == (verdict.Reasons, verdict.KeepReason), $"{name}: got {verdict.Reasons}/{verdict.KeepReason} ({verdict.Description})");
        Assert.Equal(keep == Ec2KeepReason.None && reasons != Ec2OrphanReasons.None, verdict.IsOrphan);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Description));
    }

    [Theory]
    [InlineData("True")]
    [InlineData("yes")]
    [InlineData("")]
    public void Only_exactly_acode_true_is_acode(string value)
    {
        var instance = Instance("running", Start, new Dictionary<string, string> { [Ec2TagKeys.Acode] = value });

        var verdict = Ec2OrphanRules.Evaluate(instance, Start.AddDays(1), TimeSpan.Zero);

        Assert.Equal(Ec2KeepReason.NotAcode, verdict.KeepReason);
    }

    [Fact]
    public void A_malformed_expiry_is_ignored_and_age_decides()
    {
        var tags = new Dictionary<string, string> { [Ec2TagKeys.Acode] = "true", [Ec2TagKeys.ExpiresAt] = "next tuesday" };
        var instance = Instance("running", Start, tags);

        var young = Ec2OrphanRules.Evaluate(instance, Start.AddMinutes(5), TimeSpan.FromHours(2));
        var old = Ec2OrphanRules.Evaluate(instance, Start.AddHours(3), TimeSpan.FromHours(2));

        Assert.Equal(Ec2KeepReason.Fresh, young.KeepReason);
        Assert.Equal(Ec2OrphanReasons.OlderThanThreshold, old.Reasons);
    }

    [Fact]
    public void The_session_is_not_consulted_for_fresh_instances()
    {
        var asked = 0;
        var instance = Instance("running", Start, new Dictionary<string, string> { [Ec2TagKeys.Acode] = "true", [Ec2TagKeys.Session] = "s1" });

        Ec2OrphanRules.Evaluate(instance, Start.AddMinutes(1), TimeSpan.FromHours(2), _ => ++asked > 0);

        Assert.Equal(0, asked);
    }

    [Theory]
    [InlineData(42, "42s")]
    [InlineData(125, "2m 5s")]
    [InlineData(3 * 3600 + 300, "3h 5m")]
    [InlineData(50 * 3600, "2d 2h")]
    public void Durations_read_well(int seconds, string expected) =>
        Assert.Equal(expected, Ec2OrphanRules.FormatDuration(TimeSpan.FromSeconds(seconds)));

    private static Ec2InstanceInfo Instance(string state, DateTimeOffset launched, Dictionary<string, string> tags) => new()
    {
        InstanceId = "i-0123456789abcdef0",
        InstanceType = "t3.micro",
        Region = "us-east-1",
        State = state switch
        {
            "pending" => Ec2InstanceState.Pending,
            "running" => Ec2InstanceState.Running,
            "stopping" => Ec2InstanceState.Stopping,
            "stopped" => Ec2InstanceState.Stopped,
            "shutting-down" => Ec2InstanceState.ShuttingDown,
            _ => Ec2InstanceState.Terminated,
        },
        LaunchTime = launched,
        Tags = tags,
    };
}
