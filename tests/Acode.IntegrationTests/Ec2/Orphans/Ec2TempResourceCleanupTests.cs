using Acode.Infrastructure.Compute.Ec2.Orphans;

namespace Acode.IntegrationTests.Ec2.Orphans;

/// <summary>IT-004: acode's temporary security groups and auto key pairs go when nothing uses them, and only then.</summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class Ec2TempResourceCleanupTests
{
    private static readonly TimeSpan Old = TimeSpan.FromHours(3);

    [Fact]
    public async Task Orphaned_groups_and_key_pairs_are_removed_and_those_in_use_or_not_ours_are_kept()
    {
        // Termination takes a second here, so the freed group first answers DependencyViolation and is retried.
        await using var scenario = await OrphanScenario.StartAsync(terminateDelay: TimeSpan.FromSeconds(1));

        // Session A is over: its old instance uses its group and key.
        var groupA = await scenario.CreateGroupAsync("acode-a", OrphanScenario.AcodeTags("a"));
        var keyA = await scenario.ImportKeyAsync("acode-a", OrphanScenario.AcodeTags("a"));
        var instanceA = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("a"), Old, groupA, "acode-a"))[0];

        // Session B is working: a fresh instance uses its group and key.
        var groupB = await scenario.CreateGroupAsync("acode-b", OrphanScenario.AcodeTags("b"));
        var keyB = await scenario.ImportKeyAsync("acode-b", OrphanScenario.AcodeTags("b"));
        var instanceB = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("b"), default, groupB, "acode-b"))[0];

        // Session C expired before launching anything; session D was just made (its launch may be under way elsewhere).
        var groupC = await scenario.CreateGroupAsync("acode-c", OrphanScenario.AcodeTags("c", TimeSpan.FromMinutes(-1)));
        var keyC = await scenario.ImportKeyAsync("acode-c", OrphanScenario.AcodeTags("c", TimeSpan.FromMinutes(-1)));
        var groupD = await scenario.CreateGroupAsync("acode-d", OrphanScenario.AcodeTags("d"));
        var keyD = await scenario.ImportKeyAsync("acode-d", OrphanScenario.AcodeTags("d"));

        // Not acode's, and acode's but borrowed by someone's untagged instance.
        var userGroup = await scenario.CreateGroupAsync("users-own", tags: null);
        var userKey = await scenario.ImportKeyAsync("users-own", tags: null);
        var borrowed = await scenario.CreateGroupAsync("acode-e", OrphanScenario.AcodeTags("e", TimeSpan.FromMinutes(-1)));
        var stranger = (await scenario.LaunchAsync(1, tags: null, Old, borrowed))[0];
        using var detector = scenario.Detector();

        var result = await detector.CleanupAsync(new Ec2CleanupRequest { Yes = true });

        Assert.True(result.Succeeded, string.Join("; ", result.Outcomes.Where(o => o.Action == Ec2CleanupAction.Failed).Select(o => o.Reason)));
        Assert.Equal([instanceA], result.Ids(Ec2CleanupAction.Terminated));
        Assert.Equal(new[] { groupA, groupC }.Order(), result.Ids(Ec2CleanupAction.Deleted, Ec2CleanupResourceKind.SecurityGroup).Order());
        Assert.Equal(new[] { keyA, keyC }.Order(), result.Ids(Ec2CleanupAction.Deleted, Ec2CleanupResourceKind.KeyPair).Order());

        var groups = await scenario.GroupIdsAsync();
        var keys = await scenario.KeyPairIdsAsync();
        Assert.DoesNotContain(groupA, groups);
        Assert.DoesNotContain(groupC, groups);
        Assert.Contains(groupB, groups);
        Assert.Contains(groupD, groups);
        Assert.Contains(userGroup, groups);
        Assert.Contains(borrowed, groups);
        Assert.Equal(new[] { keyB, keyD, userKey }.Order(), keys.Order());
        Assert.Equal("running", await scenario.StateAsync(instanceB));
        Assert.Equal("running", await scenario.StateAsync(stranger));
        Assert.Contains("in use by " + stranger, result.Outcomes.Single(o => o.ResourceId == borrowed).Reason, StringComparison.Ordinal);
        Assert.Contains("in use by " + instanceB, result.Outcomes.Single(o => o.ResourceId == groupB).Reason, StringComparison.Ordinal);
        Assert.Contains("not known to be abandoned", result.Outcomes.Single(o => o.ResourceId == groupD).Reason, StringComparison.Ordinal);
        Assert.Contains(scenario.Emulator.ActionLog, e => e.Action == "DeleteSecurityGroup" && e.ErrorCode == "DependencyViolation");
    }

    [Fact]
    public async Task A_group_still_held_past_the_dependency_timeout_is_reported_failed_with_the_code_and_kept()
    {
        // Shutting down outlasts the timeout: every DeleteSecurityGroup answers DependencyViolation until the bound ends.
        await using var scenario = await OrphanScenario.StartAsync(terminateDelay: TimeSpan.FromMinutes(5));
        var group = await scenario.CreateGroupAsync("acode-f", OrphanScenario.AcodeTags("f"));
        var instance = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("f"), Old, group))[0];
        using var detector = new Ec2OrphanDetector(
            scenario.Ec2, TimeProvider.System, new Ec2OrphanOptions { DependencyFirstBackoff = TimeSpan.FromMilliseconds(100), DependencyTimeout = TimeSpan.FromSeconds(2) });

        var result = await detector.CleanupAsync(new Ec2CleanupRequest { Yes = true });

        Assert.Equal([instance], result.Ids(Ec2CleanupAction.Terminated));
        var line = result.Outcomes.Single(o => o.ResourceId == group);
        Assert.Equal(Ec2CleanupAction.Failed, line.Action);
        Assert.StartsWith("DependencyViolation: still has dependent objects after ", line.Reason, StringComparison.Ordinal);
        Assert.Contains(group, await scenario.GroupIdsAsync());
        Assert.True(scenario.Emulator.ActionLog.Count(e => e.Action == "DeleteSecurityGroup" && e.ErrorCode == "DependencyViolation") >= 2);
    }

    [Fact]
    public async Task A_live_session_keeps_its_resources_and_a_zero_threshold_frees_unused_groups()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        scenario.Sessions.Register("live", scenario.Region);
        var liveGroup = await scenario.CreateGroupAsync("acode-live", OrphanScenario.AcodeTags("live", TimeSpan.FromMinutes(-1)));
        var idleGroup = await scenario.CreateGroupAsync("acode-idle", OrphanScenario.AcodeTags("idle"));
        using var detector = scenario.Detector();

        var cautious = await detector.PlanAsync(new Ec2CleanupRequest());
        var result = await detector.CleanupAsync(new Ec2CleanupRequest { Threshold = TimeSpan.Zero, Yes = true });

        Assert.Empty(cautious.Resources);
        Assert.Equal([idleGroup], result.Ids(Ec2CleanupAction.Deleted));
        Assert.Contains("alive", result.Outcomes.Single(o => o.ResourceId == liveGroup).Reason, StringComparison.Ordinal);
        Assert.Contains(liveGroup, await scenario.GroupIdsAsync());
    }

    [Fact]
    public async Task A_group_whose_instance_failed_to_terminate_is_kept()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        var group = await scenario.CreateGroupAsync("acode-f", OrphanScenario.AcodeTags("f"));
        var instance = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("f"), Old, group))[0];
        using var detector = scenario.Detector();
        var plan = await detector.PlanAsync(new Ec2CleanupRequest());
        scenario.Emulator.InjectFault(new Acode.Ec2Emulator.Control.FaultRule { Action = "TerminateInstances", Code = Acode.Ec2Emulator.Control.FaultCodes.InternalError, Count = 1 });

        var result = await detector.ExecuteAsync(plan);

        Assert.Equal([instance], result.Ids(Ec2CleanupAction.Failed));
        Assert.Equal(Ec2CleanupAction.Skipped, result.Outcomes.Single(o => o.ResourceId == group).Action);
        Assert.Contains(group, await scenario.GroupIdsAsync());
        Assert.Equal("running", await scenario.StateAsync(instance));
    }
}
