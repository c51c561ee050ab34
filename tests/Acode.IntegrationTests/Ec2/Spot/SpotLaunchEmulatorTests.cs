using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Ec2Emulator.Control;
using Acode.Infrastructure.Compute.Ec2.InstanceTypes;
using Acode.Infrastructure.Compute.Ec2.Spot;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.IntegrationTests.Ec2.Spot;

/// <summary>AC-006, IT-003, FR-041..053 against the emulator with the real AWS SDK.</summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class SpotLaunchEmulatorTests
{
    private readonly InMemoryEventPublisher _events = new();

    [Theory]
    [InlineData("t3.medium")]
    [InlineData("m5.large")]
    [InlineData("c5.large")]
    [InlineData("r5.large")]
    [InlineData("g4dn.xlarge")]
    public async Task Each_family_of_the_spec_validates_and_launches(string instanceType)
    {
        await using var h = await SpotEmulator.StartAsync();
        var configuration = new Ec2Configuration { Region = SpotEmulator.Region, InstanceType = instanceType };
        var checker = new Ec2InstanceTypeChecker(new Ec2InstanceTypeService(h.Ec2, SpotEmulator.Region, TimeProvider.System), h.Ec2);

        var warnings = await checker.ThrowIfInvalidAsync(configuration);
        var outcome = await Executor().ExecuteAsync(configuration, SpotLaunchPlanner.Plan(configuration), h.Launch("family-" + instanceType));

        Assert.DoesNotContain(warnings, w => w.Contains("offline", StringComparison.Ordinal));
        Assert.Equal(instanceType.StartsWith("g4dn", StringComparison.Ordinal), warnings.Any(w => w.Contains("no GPU drivers", StringComparison.Ordinal)));
        var running = await h.WaitAsync(outcome.Result.InstanceId, i => i.State.Name == InstanceStateName.Running);
        Assert.Equal(instanceType, running.InstanceType.Value);
        Assert.Null(running.InstanceLifecycle);
    }

    [Fact]
    public async Task A_spot_launch_is_a_spot_instance_with_the_max_price()
    {
        await using var h = await SpotEmulator.StartAsync();
        var configuration = new Ec2Configuration { Region = SpotEmulator.Region, InstanceType = "c5.large", SpotEnabled = true, SpotMaxPrice = 0.05m };

        var outcome = await Executor().ExecuteAsync(configuration, SpotLaunchPlanner.Plan(configuration), h.Launch("spot"));

        var described = (await h.AllInstancesAsync()).Single();
        Assert.Equal((InstanceLifecycleType.Spot, outcome.Result.InstanceId), (described.InstanceLifecycle, described.InstanceId));
        Assert.Equal((true, 0.05m), (outcome.Attempt.IsSpot, outcome.Attempt.SpotMaxPrice));
        var request = (await h.Ec2.DescribeSpotInstanceRequestsAsync(new DescribeSpotInstanceRequestsRequest())).SpotInstanceRequests.Single();
        Assert.Equal(("0.050000", "one-time", "terminate"), (request.SpotPrice, request.Type.Value, request.InstanceInterruptionBehavior.Value));
        Assert.Empty(_events.PublishedOf<Ec2SpotFallbackEvent>());
    }

    [Fact]
    public async Task A_max_price_under_the_market_falls_back_to_on_demand_visibly()
    {
        await using var h = await SpotEmulator.StartAsync();
        h.Emulator.SetSpotPrice("c5.large", null, 0.08m);
        var configuration = new Ec2Configuration { Region = SpotEmulator.Region, InstanceType = "c5.large", SpotEnabled = true, SpotMaxPrice = 0.05m };

        var outcome = await Executor().ExecuteAsync(configuration, SpotLaunchPlanner.Plan(configuration), h.Launch("too-low"));

        Assert.True(outcome.FellBackToOnDemand);
        Assert.Equal("SpotMaxPriceTooLow", Assert.Single(outcome.Failures).AwsErrorCode);
        Assert.Contains("0.05", outcome.Failures[0].Message, StringComparison.Ordinal);
        Assert.Null((await h.AllInstancesAsync()).Single().InstanceLifecycle);
        var fallback = Assert.Single(_events.PublishedOf<Ec2SpotFallbackEvent>());
        Assert.Equal(("c5.large", 0.085m), (fallback.InstanceType, fallback.OnDemandHourlyRate));
        Assert.Equal(["SpotMaxPriceTooLow", null], h.Emulator.ActionLog.Where(e => e.Action == "RunInstances").Select(e => e.ErrorCode));
    }

    [Fact]
    public async Task No_spot_capacity_falls_back_to_on_demand()
    {
        await using var h = await SpotEmulator.StartAsync();
        h.Emulator.InjectFault(new FaultRule { Action = "RunInstances", Code = FaultCodes.InsufficientInstanceCapacity, Rate = 1.0 });
        var configuration = new Ec2Configuration { Region = SpotEmulator.Region, InstanceType = "m5.large", SpotEnabled = true };
        var launch = h.Launch("no-capacity");

        // Capacity returns for on-demand only: the fault stays until the plan reaches its on-demand attempt.
        var outcome = await Executor().ExecuteAsync(configuration, SpotLaunchPlanner.Plan(configuration), (attempt, ct) =>
        {
            if (!attempt.IsSpot)
            {
                h.Emulator.ClearFaults();
            }

            return launch(attempt, ct);
        });

        Assert.True(outcome.FellBackToOnDemand);
        Assert.Equal("InsufficientInstanceCapacity", Assert.Single(outcome.Failures).AwsErrorCode);
        Assert.Equal(("m5.large", null), ((await h.AllInstancesAsync()).Single().InstanceType.Value, (await h.AllInstancesAsync()).Single().InstanceLifecycle));
        Assert.Single(_events.PublishedOf<Ec2SpotFallbackEvent>());
    }

    [Theory]
    [InlineData(FaultCodes.SpotMaxPriceTooLow)]
    [InlineData(FaultCodes.InsufficientInstanceCapacity)]
    public async Task With_fallback_off_the_launch_fails_cleanly_with_a_typed_error(string code)
    {
        await using var h = await SpotEmulator.StartAsync();
        h.Emulator.InjectFault(new FaultRule { Action = "RunInstances", Code = code, Rate = 1.0 });
        var configuration = new Ec2Configuration
        {
            Region = SpotEmulator.Region, InstanceType = "t3.medium", SpotEnabled = true, SpotInstanceTypes = ["c5.large", "m5.large"], SpotFallbackToOnDemand = false,
        };

        var error = await Assert.ThrowsAsync<Ec2CapacityException>(() => Executor().ExecuteAsync(configuration, SpotLaunchPlanner.Plan(configuration), h.Launch("off")));

        Assert.Equal([code, code], error.Failures.Select(f => f.AwsErrorCode));
        Assert.Equal(["c5.large", "m5.large"], error.Failures.Select(f => f.Attempt.InstanceType));
        Assert.Contains("spotFallbackToOnDemand is false", error.Message, StringComparison.Ordinal);
        Assert.Empty(await h.AllInstancesAsync());
        Assert.Empty(_events.PublishedOf<Ec2SpotFallbackEvent>());
    }

    private SpotLaunchExecutor Executor() => new(TimeProvider.System, _events);
}
