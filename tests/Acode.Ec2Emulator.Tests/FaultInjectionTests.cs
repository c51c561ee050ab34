using System.Net;
using Acode.Ec2Emulator.Control;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Acode.Ec2Emulator.Tests;

public sealed class FaultInjectionTests
{
    [Theory]
    [InlineData(FaultCodes.RequestLimitExceeded, HttpStatusCode.ServiceUnavailable)]
    [InlineData(FaultCodes.InsufficientInstanceCapacity, HttpStatusCode.InternalServerError)]
    [InlineData(FaultCodes.InternalError, HttpStatusCode.InternalServerError)]
    [InlineData(FaultCodes.SpotMaxPriceTooLow, HttpStatusCode.BadRequest)]
    public async Task A_fault_for_the_next_call_reaches_the_sdk_with_aws_status(string code, HttpStatusCode status)
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Emulator.InjectFault(new FaultRule { Action = "RunInstances", Code = code, Count = 1 });
        await AssertEc2.FailsAsync(code, () => h.RunAsync(), status);
        Assert.NotNull(await h.RunAsync());
    }

    [Fact]
    public async Task A_dropped_connection_is_a_transport_error_and_sdk_retries_absorb_single_faults()
    {
        await using var h = await EmulatorHarness.StartAsync();
        // HttpClient silently resends once on a reused connection that drops, so drop every call until cleared.
        h.Emulator.InjectFault(new FaultRule { Action = "DescribeRegions", Code = FaultCodes.DropConnection, Rate = 1.0 });
        var error = await Assert.ThrowsAnyAsync<Exception>(() => h.Ec2.DescribeRegionsAsync(new DescribeRegionsRequest()));
        Assert.IsNotType<AmazonServiceException>(error, exactMatch: false);
        h.Emulator.ClearFaults();

        using var retrying = h.Ec2Client(maxErrorRetry: 2);
        h.Emulator.ClearActionLog();
        h.Emulator.InjectFault(new FaultRule { Action = "DescribeRegions", Code = FaultCodes.RequestLimitExceeded, Count = 1 });
        Assert.NotEmpty((await retrying.DescribeRegionsAsync(new DescribeRegionsRequest())).Regions);
        Assert.Equal(["RequestLimitExceeded", null], h.Emulator.ActionLog.Where(e => e.Action == "DescribeRegions").Select(e => e.ErrorCode));
    }

    [Fact]
    public async Task A_rate_of_one_fails_every_call_until_cleared()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Emulator.InjectFault(new FaultRule { Code = FaultCodes.InternalError, Rate = 1.0 });
        await AssertEc2.FailsAsync("InternalError", () => h.Ec2.DescribeRegionsAsync(new DescribeRegionsRequest()));
        await AssertEc2.FailsAsync("InternalError", () => h.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest()));
        h.Emulator.ClearFaults();
        Assert.Single((await h.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
    }
}
