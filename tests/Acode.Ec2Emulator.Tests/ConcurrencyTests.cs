using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_clients_launching_describing_and_terminating_leave_consistent_state()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var workers = Enumerable.Range(0, 8).Select(async worker =>
        {
            using var client = h.Ec2Client(maxErrorRetry: 0);
            var ids = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                var launched = await client.RunInstancesAsync(new RunInstancesRequest
                {
                    ImageId = EmulatorHarness.AmazonLinux2, MinCount = 1, MaxCount = 1, ClientToken = $"w{worker}-{i}",
                    TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("worker", worker.ToString(System.Globalization.CultureInfo.InvariantCulture))] }],
                });
                ids.Add(launched.Reservation.Instances[0].InstanceId);
                await client.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("tag-key", ["worker"])] });
            }

            await client.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ids.Take(5).ToList() });
            return ids;
        }).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(ids => ids).ToList();

        Assert.Equal(80, all.Distinct().Count());
        await EmulatorHarness.WaitForAsync(async () =>
        {
            var instances = (await h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations.SelectMany(r => r.Instances).ToList();
            return instances.Count == 80
                && instances.Count(i => i.State.Name == InstanceStateName.Terminated) == 40
                && instances.Count(i => i.State.Name == InstanceStateName.Running) == 40;
        });
        var addresses = (await h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("instance-state-name", ["running"])] }))
            .Reservations.SelectMany(r => r.Instances).Select(i => i.PublicIpAddress).ToList();
        Assert.Equal(40, addresses.Distinct().Count());
    }
}
