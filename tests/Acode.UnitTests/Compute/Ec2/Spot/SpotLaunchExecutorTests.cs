using System.Net;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Infrastructure.Compute.Ec2.Spot;
using Amazon.EC2;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace Acode.UnitTests.Compute.Ec2.Spot;

/// <summary>FR-052: capacity and price refusals move to the next attempt; anything else stops the launch.</summary>
public sealed class SpotLaunchExecutorTests
{
    private static readonly Ec2Configuration Spot = new()
    {
        Region = "us-east-1", InstanceType = "t3.medium", SpotEnabled = true, SpotMaxPrice = 0.02m, SpotInstanceTypes = ["c5.large", "m5.large"],
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEventPublisher _events = new();
    private readonly List<LaunchAttempt> _tried = [];

    [Fact]
    public async Task The_first_attempt_that_launches_is_returned_without_fallback()
    {
        var outcome = await Executor().ExecuteAsync(Spot, SpotLaunchPlanner.Plan(Spot), Launch());

        Assert.Equal("i-0 spot c5.large (max $0.02/h)", outcome.Result);
        Assert.Equal((0, true, false), (outcome.Attempt.Index, outcome.Attempt.IsSpot, outcome.FellBackToOnDemand));
        Assert.Empty(outcome.Failures);
        Assert.Empty(_events.PublishedOf<Ec2SpotFallbackEvent>());
    }

    [Theory]
    [InlineData("InsufficientInstanceCapacity")]
    [InlineData("SpotMaxPriceTooLow")]
    [InlineData("MaxSpotInstanceCountExceeded")]
    [InlineData("InsufficientFreeAddressesInSubnet")]
    [InlineData("Unsupported")]
    public async Task Each_capacity_or_price_code_falls_back_to_on_demand_with_an_event(string code)
    {
        var outcome = await Executor().ExecuteAsync(Spot, SpotLaunchPlanner.Plan(Spot), Launch(code, code));

        Assert.Equal("i-2 on-demand t3.medium", outcome.Result);
        Assert.True(outcome.FellBackToOnDemand);
        Assert.Equal([code, code], outcome.Failures.Select(f => f.AwsErrorCode));
        var fallback = Assert.Single(_events.PublishedOf<Ec2SpotFallbackEvent>());
        Assert.Equal(new Ec2SpotFallbackEvent("t3.medium", "us-east-1", fallback.AwsErrorCodes, 0.0416m, _time.GetUtcNow()), fallback);
        Assert.Equal([code, code], fallback.AwsErrorCodes);
    }

    [Fact]
    public async Task A_second_spot_type_is_tried_before_on_demand_and_is_no_fallback()
    {
        var outcome = await Executor().ExecuteAsync(Spot, SpotLaunchPlanner.Plan(Spot), Launch("InsufficientInstanceCapacity"));

        Assert.Equal("i-1 spot m5.large (max $0.02/h)", outcome.Result);
        Assert.False(outcome.FellBackToOnDemand);
        Assert.Empty(_events.PublishedOf<Ec2SpotFallbackEvent>());
    }

    [Fact]
    public async Task With_fallback_off_every_refusal_is_listed_in_a_typed_error()
    {
        var configuration = Spot with { SpotFallbackToOnDemand = false };

        var error = await Assert.ThrowsAsync<Ec2CapacityException>(() =>
            Executor().ExecuteAsync(configuration, SpotLaunchPlanner.Plan(configuration), Launch("SpotMaxPriceTooLow", "InsufficientInstanceCapacity"), "us-east-1a"));

        Assert.Equal(["SpotMaxPriceTooLow", "InsufficientInstanceCapacity"], error.Failures.Select(f => f.AwsErrorCode));
        Assert.Equal(("InsufficientInstanceCapacity", "m5.large", "us-east-1a", "req-1"), (error.AwsErrorCode, error.InstanceType, error.AvailabilityZone, error.RequestId));
        Assert.Contains("spot c5.large (max $0.02/h): SpotMaxPriceTooLow; spot m5.large (max $0.02/h): InsufficientInstanceCapacity", error.Message, StringComparison.Ordinal);
        Assert.Contains("spotFallbackToOnDemand is false", error.Message, StringComparison.Ordinal);
        Assert.IsType<AmazonEC2Exception>(error.InnerException);
        Assert.Equal(2, _tried.Count);
        Assert.Empty(_events.PublishedOf<Ec2SpotFallbackEvent>());
    }

    [Fact]
    public async Task When_on_demand_is_refused_too_the_error_names_all_three()
    {
        var error = await Assert.ThrowsAsync<Ec2CapacityException>(() =>
            Executor().ExecuteAsync(Spot, SpotLaunchPlanner.Plan(Spot), Launch("SpotMaxPriceTooLow", "SpotMaxPriceTooLow", "InsufficientInstanceCapacity")));

        Assert.Equal(3, error.Failures.Count);
        Assert.DoesNotContain("spotFallbackToOnDemand is false", error.Message, StringComparison.Ordinal);
        Assert.Single(_events.PublishedOf<Ec2SpotFallbackEvent>());
    }

    [Fact]
    public async Task Any_other_error_stops_the_launch_as_is()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            Executor().ExecuteAsync(Spot, SpotLaunchPlanner.Plan(Spot), Launch("InvalidAMIID.NotFound")));

        Assert.Equal("InvalidAMIID.NotFound", error.ErrorCode);
        Assert.Single(_tried);
    }

    [Fact]
    public async Task On_demand_by_default_is_one_attempt()
    {
        var configuration = new Ec2Configuration { Region = "us-east-1" };

        var error = await Assert.ThrowsAsync<Ec2CapacityException>(() =>
            Executor().ExecuteAsync(configuration, SpotLaunchPlanner.Plan(configuration), Launch("InsufficientInstanceCapacity")));

        Assert.Equal("on-demand t3.medium", Assert.Single(error.Failures).Attempt.ToString());
    }

    private SpotLaunchExecutor Executor() => new(_time, _events);

    /// <summary>A RunInstances stand-in: the i-th call fails with the i-th code, later calls succeed.</summary>
    private Func<LaunchAttempt, CancellationToken, Task<string>> Launch(params string[] codes) => (attempt, _) =>
    {
        _tried.Add(attempt);
        if (_tried.Count <= codes.Length)
        {
            throw new AmazonEC2Exception("refused", ErrorType.Unknown, codes[_tried.Count - 1], "req-" + attempt.Index, HttpStatusCode.InternalServerError);
        }

        return Task.FromResult($"i-{attempt.Index} {attempt}");
    };
}
