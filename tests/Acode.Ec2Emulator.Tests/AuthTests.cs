using System.Net;
using Acode.Ec2Emulator.Auth;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task A_wrong_secret_is_refused_with_SignatureDoesNotMatch()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var client = h.Ec2Client(secret: "wrong");
        await AssertEc2.FailsAsync("SignatureDoesNotMatch", () => client.DescribeRegionsAsync(new DescribeRegionsRequest()), HttpStatusCode.Forbidden);
        Assert.Contains(h.Emulator.ActionLog, e => e.Action == "DescribeRegions" && e.ErrorCode == "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task An_unknown_key_is_refused_with_AuthFailure()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var client = h.Ec2Client(accessKey: "AKIAUNKNOWN", secret: "x");
        await AssertEc2.FailsAsync("AuthFailure", () => client.DescribeRegionsAsync(new DescribeRegionsRequest()), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Added_keys_work_and_their_allow_list_yields_UnauthorizedOperation()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Emulator.AddCredential(new EmulatorCredential
        {
            AccessKeyId = "AKIALIMITED", SecretAccessKey = "limited-secret",
            AllowedActions = new HashSet<string> { "DescribeInstances", "DescribeRegions" },
        });
        using var client = h.Ec2Client("AKIALIMITED", "limited-secret");
        Assert.NotEmpty((await client.DescribeRegionsAsync(new DescribeRegionsRequest())).Regions);
        await AssertEc2.FailsAsync("UnauthorizedOperation", () => client.RunInstancesAsync(
            new RunInstancesRequest { ImageId = EmulatorHarness.AmazonLinux2, MinCount = 1, MaxCount = 1 }), HttpStatusCode.Forbidden);
        await AssertEc2.FailsAsync("UnauthorizedOperation", () => client.DescribeKeyPairsAsync(new DescribeKeyPairsRequest()));
        await AssertEc2.FailsAsync("UnauthorizedOperation", () => client.RunInstancesAsync(
            new RunInstancesRequest { ImageId = EmulatorHarness.AmazonLinux2, MinCount = 1, MaxCount = 1, DryRun = true }));
        Assert.Contains(h.Emulator.ActionLog, e => e.AccessKeyId == "AKIALIMITED" && e.Action == "RunInstances" && e.ErrorCode == "UnauthorizedOperation");
    }

    [Fact]
    public async Task Unknown_actions_get_InvalidAction()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await AssertEc2.FailsAsync("InvalidAction", () => h.Ec2.DescribeHostsAsync(new DescribeHostsRequest()), HttpStatusCode.BadRequest);
    }
}
