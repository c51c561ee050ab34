using System.Net;
using System.Text;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;

namespace Acode.Ec2Emulator.Tests;

[Collection("Environment")]
public sealed class ImdsTests
{
    [Fact]
    public async Task The_sdk_instance_profile_provider_gets_role_credentials_the_emulator_accepts()
    {
        var h = SharedImds.Harness;
        var disabled = Environment.GetEnvironmentVariable("AWS_EC2_METADATA_DISABLED");
        try
        {
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", null);
            InstanceProfileAWSCredentials credentials;
            ImmutableCredentials issued;
            try
            {
                credentials = new InstanceProfileAWSCredentials();
                issued = await credentials.GetCredentialsAsync();
            }
            catch (InvalidOperationException)
            {
                Assert.Fail(string.Join("\n", h.Emulator.ActionLog.Select(e => e.Action + " " + e.ErrorCode)));
                throw;
            }

            Assert.StartsWith("ASIA", issued.AccessKey, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(issued.Token));

            using var ec2 = h.Ec2Client(credentials);
            Assert.NotEmpty((await ec2.DescribeRegionsAsync(new DescribeRegionsRequest())).Regions);
            using var sts = h.StsClient(credentials);
            var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
            Assert.Equal("arn:aws:sts::000000000000:assumed-role/acode-emulator-host/host", identity.Arn);
            Assert.Contains(h.Emulator.ActionLog, e => e.Action == "DescribeRegions" && e.AccessKeyId == issued.AccessKey);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", disabled);
        }
    }

    [Fact]
    public async Task Each_instance_has_its_own_metadata_behind_an_imdsv2_token()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var userData = "#!/bin/sh\necho hello\n";
        var id = (await h.RunAsync(r =>
        {
            r.UserData = Convert.ToBase64String(Encoding.UTF8.GetBytes(userData));
            r.IamInstanceProfile = new IamInstanceProfileSpecification { Name = "worker" };
            r.MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = Amazon.EC2.HttpTokensState.Required };
        })).InstanceId;
        var running = await h.WaitAsync(id, i => i.State.Name == Amazon.EC2.InstanceStateName.Running);
        Assert.EndsWith(":instance-profile/worker", running.IamInstanceProfile.Arn, StringComparison.Ordinal);

        using var imds = new ImdsClient(new Uri(h.Emulator.ImdsUrl, id + "/"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await imds.GetAsync("latest/meta-data/instance-id", withToken: false)).Status);
        Assert.Equal(id, (await imds.GetAsync("latest/meta-data/instance-id")).Body);
        Assert.Equal("t3.micro", (await imds.GetAsync("latest/meta-data/instance-type")).Body);
        Assert.Equal(running.Placement.AvailabilityZone, (await imds.GetAsync("latest/meta-data/placement/availability-zone")).Body);
        Assert.Equal(running.PublicIpAddress, (await imds.GetAsync("latest/meta-data/public-ipv4")).Body);
        Assert.Equal(running.PrivateIpAddress, (await imds.GetAsync("latest/meta-data/local-ipv4")).Body);
        Assert.Equal(userData, (await imds.GetAsync("latest/user-data")).Body);
        Assert.Equal("worker", (await imds.GetAsync("latest/meta-data/iam/security-credentials/")).Body);
        var role = await imds.GetAsync("latest/meta-data/iam/security-credentials/worker");
        Assert.Contains("\"AccessKeyId\":\"ASIA", role.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await imds.GetAsync("latest/meta-data/spot/instance-action")).Status);

        using var other = new HttpClient { BaseAddress = h.Emulator.ImdsUrl };
        using var put = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        put.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "0");
        Assert.Equal(HttpStatusCode.BadRequest, (await other.SendAsync(put)).StatusCode);
    }

    [Fact]
    public async Task Imdsv1_is_served_only_where_tokens_are_optional_and_the_options_come_back_as_launched()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var optional = await h.RunAsync(r => r.MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = Amazon.EC2.HttpTokensState.Optional });
        var hardened = await h.RunAsync(r => r.MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = Amazon.EC2.HttpTokensState.Required, HttpPutResponseHopLimit = 2 });
        var al2023 = await h.RunAsync(r => r.ImageId = EmulatorHarness.AmazonLinux2023);

        using var v1 = new ImdsClient(new Uri(h.Emulator.ImdsUrl, optional.InstanceId + "/"));
        using var v2 = new ImdsClient(new Uri(h.Emulator.ImdsUrl, hardened.InstanceId + "/"));
        Assert.Equal(optional.InstanceId, (await v1.GetAsync("latest/meta-data/instance-id", withToken: false)).Body);
        Assert.Equal(HttpStatusCode.Unauthorized, (await v2.GetAsync("latest/meta-data/instance-id", withToken: false)).Status);
        Assert.Equal(hardened.InstanceId, (await v2.GetAsync("latest/meta-data/instance-id")).Body);

        var described = (await h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [optional.InstanceId, hardened.InstanceId, al2023.InstanceId] }))
            .Reservations.SelectMany(x => x.Instances).ToDictionary(i => i.InstanceId, i => i.MetadataOptions);
        Assert.Equal(("optional", 1), (described[optional.InstanceId].HttpTokens.Value, described[optional.InstanceId].HttpPutResponseHopLimit));
        Assert.Equal(("required", 2), (described[hardened.InstanceId].HttpTokens.Value, described[hardened.InstanceId].HttpPutResponseHopLimit));
        Assert.Equal("required", described[al2023.InstanceId].HttpTokens.Value);
        await AssertEc2.FailsAsync("InvalidParameterValue", () => h.RunAsync(r => r.MetadataOptions = new InstanceMetadataOptionsRequest { HttpPutResponseHopLimit = 65 }));
    }
}
