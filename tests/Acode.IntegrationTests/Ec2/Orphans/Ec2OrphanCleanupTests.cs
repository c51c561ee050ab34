using Acode.Infrastructure.Compute.Ec2.Orphans;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Amazon.EC2.Model;

namespace Acode.IntegrationTests.Ec2.Orphans;

/// <summary>IT-004: orphan detection and safe cleanup against the emulator with the real AWSSDK client.</summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class Ec2OrphanCleanupTests
{
    private static readonly TimeSpan Old = TimeSpan.FromHours(3);

    [Fact]
    public async Task Detection_pages_through_every_result_and_finds_exactly_the_old_acode_instances()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        var old = await scenario.LaunchAsync(11, OrphanScenario.AcodeTags("s-old"), Old);
        var stopped = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("s-stopped"), Old))[0];
        await scenario.Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [stopped] });
        await scenario.WaitForStateAsync(stopped, "stopped");
        await scenario.LaunchAsync(3, OrphanScenario.AcodeTags("s-fresh"));
        await scenario.LaunchAsync(2, tags: null, Old);
        scenario.Emulator.ClearActionLog();
        using var detector = scenario.Detector(pageSize: 5);

        var orphans = await detector.DetectOrphansAsync(scenario.Region, TimeSpan.FromHours(2));

        // 15 acode instances at 5 a page: three pages.
        Assert.Equal(old.Append(stopped).Order(), orphans.Select(o => o.InstanceId).Order());
        Assert.Equal(3, scenario.Emulator.ActionLog.Count(e => e.Action == "DescribeInstances"));
    }

    [Fact]
    public async Task A_dry_run_plans_with_age_type_and_cost_and_touches_nothing()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        var group = await scenario.CreateGroupAsync("acode-s1", OrphanScenario.AcodeTags("s1"));
        await scenario.ImportKeyAsync("acode-s1", OrphanScenario.AcodeTags("s1"));
        var orphan = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("s1"), Old, group, "acode-s1"))[0];
        scenario.Emulator.ClearActionLog();
        using var detector = scenario.Detector();

        var result = await detector.CleanupAsync(new Ec2CleanupRequest());

        var row = Assert.Single(result.Plan.Orphans);
        Assert.True(result.DryRun);
        Assert.Equal((orphan, "t3.micro", "running"), (row.InstanceId, row.InstanceType, row.State));
        Assert.InRange(row.Age, Old, Old + TimeSpan.FromMinutes(1));
        Assert.True(row.CostSoFar > 0m && row.HourlyRate > 0m, "cost so far and hourly rate are known for t3.micro");
        Assert.Equal([Ec2CleanupResourceKind.SecurityGroup, Ec2CleanupResourceKind.KeyPair], result.Plan.Resources.Select(r => r.Kind).Order());
        Assert.Equal([orphan], result.Plan.Resources.Single(r => r.Kind == Ec2CleanupResourceKind.SecurityGroup).WaitsFor);
        Assert.Empty(scenario.MutatingCalls);
        Assert.Equal("running", await scenario.StateAsync(orphan));
    }

    [Fact]
    public async Task Yes_terminates_exactly_the_old_acode_ones_and_never_untagged_fresh_or_live_session_ones()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        var old = await scenario.LaunchAsync(6, OrphanScenario.AcodeTags("s-dead"), Old);
        var untagged = await scenario.LaunchAsync(2, tags: null, Old);
        var otherTags = await scenario.LaunchAsync(1, new Dictionary<string, string> { ["acode"] = "false", ["Name"] = "mine" }, Old);
        var fresh = await scenario.LaunchAsync(4, OrphanScenario.AcodeTags("s-fresh"));
        scenario.Sessions.Register("s-live", scenario.Region);
        var live = await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("s-live"), Old);
        using var detector = scenario.Detector();

        var result = await detector.CleanupAsync(new Ec2CleanupRequest { Yes = true });

        // 11 acode instances at 5 a page: the sweep read three pages.
        Assert.False(result.DryRun);
        Assert.True(result.Succeeded);
        Assert.Equal(11, result.Plan.Orphans.Count + result.Plan.KeptInstances.Count);
        Assert.Equal(old.Order(), result.Ids(Ec2CleanupAction.Terminated).Order());
        foreach (var id in old)
        {
            Assert.NotEqual("running", await scenario.StateAsync(id));
        }

        foreach (var id in untagged.Concat(otherTags).Concat(fresh).Concat(live))
        {
            Assert.Equal("running", await scenario.StateAsync(id));
        }

        var liveLine = Assert.Single(result.Outcomes, o => o.ResourceId == live[0]);
        Assert.Equal(Ec2CleanupAction.Skipped, liveLine.Action);
        Assert.Contains("alive", liveLine.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Outcomes, o => untagged.Contains(o.ResourceId) || otherTags.Contains(o.ResourceId));
    }

    [Fact]
    public async Task Force_sweeps_a_live_session_too()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        scenario.Sessions.Register("s-live", scenario.Region);
        var live = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("s-live"), Old))[0];
        using var detector = scenario.Detector();

        var result = await detector.CleanupAsync(new Ec2CleanupRequest { Yes = true, Force = true });

        Assert.Equal([live], result.Ids(Ec2CleanupAction.Terminated));
    }

    [Fact]
    public async Task Past_expires_at_is_an_orphan_however_young()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        var expired = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("s-exp", TimeSpan.FromMinutes(-1))))[0];
        var notYet = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("s-ok", TimeSpan.FromHours(1))))[0];
        using var detector = scenario.Detector();

        var result = await detector.CleanupAsync(new Ec2CleanupRequest { Yes = true });

        Assert.Equal([expired], result.Ids(Ec2CleanupAction.Terminated));
        Assert.Contains("expired", result.Outcomes.Single(o => o.ResourceId == expired).Reason, StringComparison.Ordinal);
        Assert.Equal("running", await scenario.StateAsync(notYet));
    }

    [Fact]
    public async Task A_tag_removed_between_plan_and_execute_protects_the_instance()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        var ids = await scenario.LaunchAsync(3, OrphanScenario.AcodeTags("s-1"), Old);
        using var detector = scenario.Detector();
        var plan = await detector.PlanAsync(new Ec2CleanupRequest());
        Assert.Equal(3, plan.Orphans.Count);

        await scenario.Ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [ids[1]], Tags = [new Tag { Key = Ec2TagKeys.Acode }] });
        var result = await detector.ExecuteAsync(plan);

        Assert.Equal("running", await scenario.StateAsync(ids[1]));
        var line = Assert.Single(result.Outcomes, o => o.ResourceId == ids[1]);
        Assert.Equal(Ec2CleanupAction.Skipped, line.Action);
        Assert.Contains("no longer tagged", line.Reason, StringComparison.Ordinal);
        Assert.Equal(new[] { ids[0], ids[2] }.Order(), result.Ids(Ec2CleanupAction.Terminated).Order());
    }

    [Fact]
    public async Task An_expiry_moved_later_between_plan_and_execute_also_protects_it()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        var id = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("s-1", TimeSpan.FromMinutes(-5))))[0];
        using var detector = scenario.Detector();
        var plan = await detector.PlanAsync(new Ec2CleanupRequest());

        var later = Ec2Tags.FormatTimestamp(TimeProvider.System.GetUtcNow().AddHours(4));
        await scenario.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [id], Tags = [new Tag(Ec2TagKeys.ExpiresAt, later)] });
        var result = await detector.ExecuteAsync(plan);

        Assert.Single(plan.Orphans);
        Assert.Equal("running", await scenario.StateAsync(id));
        Assert.Equal(Ec2CleanupAction.Skipped, result.Outcomes.Single(o => o.ResourceId == id).Action);
    }

    [Fact]
    public async Task Running_the_same_plan_twice_and_sweeping_again_are_harmless()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        var group = await scenario.CreateGroupAsync("acode-s1", OrphanScenario.AcodeTags("s1"));
        await scenario.ImportKeyAsync("acode-s1", OrphanScenario.AcodeTags("s1"));
        var ids = await scenario.LaunchAsync(2, OrphanScenario.AcodeTags("s1"), Old, group, "acode-s1");
        using var detector = scenario.Detector();
        var plan = await detector.PlanAsync(new Ec2CleanupRequest());

        var first = await detector.ExecuteAsync(plan);
        var second = await detector.ExecuteAsync(plan);
        scenario.Emulator.ClearActionLog();
        var sweep = await detector.CleanupAsync(new Ec2CleanupRequest { Yes = true });

        Assert.Equal(ids.Order(), first.Ids(Ec2CleanupAction.Terminated).Order());
        Assert.Equal(2, first.Ids(Ec2CleanupAction.Deleted).Count);
        Assert.True(second.Succeeded);
        Assert.Empty(second.Ids(Ec2CleanupAction.Terminated));
        Assert.Equal(4, second.Ids(Ec2CleanupAction.AlreadyGone).Count);
        Assert.Empty(sweep.Outcomes);
        Assert.Empty(scenario.MutatingCalls);
    }

    [Fact]
    public async Task The_contract_cleanup_by_ids_terminates_acode_ones_and_says_why_others_stay()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        var acode = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("s-1")))[0];
        var stranger = (await scenario.LaunchAsync(1, tags: null, Old))[0];
        using var detector = scenario.Detector();

        var result = await detector.CleanupOrphansAsync([acode, stranger, "i-0000000000000dead"]);

        Assert.False(result.DryRun);
        Assert.Equal([acode], result.Terminated);
        Assert.Contains("not tagged", result.Skipped[stranger], StringComparison.Ordinal);
        Assert.Contains("not found", result.Skipped["i-0000000000000dead"], StringComparison.Ordinal);
        Assert.Empty(result.Failed);
        Assert.Equal("running", await scenario.StateAsync(stranger));
    }

    [Fact]
    public async Task A_refused_termination_is_reported_as_failed_and_the_rest_still_go()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        var ids = await scenario.LaunchAsync(2, OrphanScenario.AcodeTags("s-1"), Old);
        using var detector = scenario.Detector();
        var plan = await detector.PlanAsync(new Ec2CleanupRequest());
        scenario.Emulator.InjectFault(new Acode.Ec2Emulator.Control.FaultRule { Action = "TerminateInstances", Code = Acode.Ec2Emulator.Control.FaultCodes.InternalError, Count = 2 });

        var result = await detector.ExecuteAsync(plan);

        Assert.False(result.Succeeded);
        Assert.Single(result.Ids(Ec2CleanupAction.Failed));
        Assert.Single(result.Ids(Ec2CleanupAction.Terminated));
        Assert.Contains(result.Outcomes, o => o.Action == Ec2CleanupAction.Failed && o.Reason == "InternalError");
        Assert.Equal(2, ids.Count);
    }
}
