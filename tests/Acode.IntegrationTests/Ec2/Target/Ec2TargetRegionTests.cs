using Acode.Application.Compute;
using Acode.Domain.Compute;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Infrastructure.Compute.Ec2;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>
/// The full lifecycle outside the catalogue's regions: the instance launches in the region's own zone, is torn down
/// there, nothing of the session is left in that region, and the cost is a real figure from the live Price List
/// (eu-central-1, ap-south-1) or unknown (sa-east-1, which the emulator's price list lacks), never $0.
/// </summary>
public sealed class Ec2TargetRegionTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    [Theory]
    [InlineData("eu-central-1", true)]
    [InlineData("ap-south-1", true)]
    [InlineData("sa-east-1", false)]
    public async Task A_run_in_a_region_launches_in_its_zone_tears_down_there_and_shows_a_real_or_unknown_cost(string region, bool priced)
    {
        var events = new InMemoryEventPublisher();
        var dependencies = fixture.Dependencies(events);
        var target = new Ec2ComputeTargetFactory(dependencies).Create(fixture.Configuration() with { Region = region, InstanceType = "t3.medium" });
        var local = Directory.CreateTempSubdirectory("acode-ec2-region-");
        using var regional = new AmazonEC2Client(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = fixture.Emulator.ServiceUrl.ToString(), AuthenticationRegion = region });
        try
        {
            await using (target)
            {
                await target.PrepareAsync(new WorkspaceContext { LocalRoot = local.FullName, SyncPaths = [] });
                Assert.Equal(0, (await target.ExecuteAsync("true")).ExitCode);
                Assert.StartsWith(region, target.Instance!.AvailabilityZone, StringComparison.Ordinal);
                Assert.Equal(region, target.Instance.Region);
                await target.TeardownAsync();
                Assert.Equal(ComputeTargetState.Terminated, target.State);
            }

            var instance = (await regional.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [target.Instance.InstanceId] })).Reservations.Single().Instances.Single();
            Assert.Equal(InstanceStateName.Terminated, instance.State.Name);
            Assert.StartsWith(region, instance.Placement.AvailabilityZone, StringComparison.Ordinal);
            var session = new Filter("tag:acode:session", [target.SessionId]);
            Assert.Null((await regional.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { Filters = [session] })).KeyPairs);
            Assert.Null((await regional.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [session] })).SecurityGroups);

            // The home region of the emulator never saw the instance.
            Assert.Null((await fixture.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [session] })).Reservations);

            var terminating = Assert.Single(events.PublishedOf<Ec2InstanceTerminatingEvent>());
            if (priced)
            {
                Assert.True(terminating.EstimatedCost > 0m, $"cost {terminating.EstimatedCost}");
            }
            else
            {
                Assert.Null(terminating.EstimatedCost);
            }

            Assert.Contains(fixture.Emulator.ActionLog, e => e.Service == "pricing" && e.Action == "GetProducts");
        }
        finally
        {
            local.Delete(recursive: true);
        }
    }
}
