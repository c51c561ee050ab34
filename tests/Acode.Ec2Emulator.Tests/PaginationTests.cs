using Amazon.EC2.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class PaginationTests
{
    [Fact]
    public async Task The_sdk_paginator_walks_a_thousand_instances_page_by_page()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = EmulatorHarness.AmazonLinux2, MinCount = 600, MaxCount = 600 });
        for (var i = 0; i < 4; i++)
        {
            await h.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = EmulatorHarness.AmazonLinux2023, MinCount = 100, MaxCount = 100 });
        }

        var ids = new List<string>();
        var pages = 0;
        await foreach (var page in h.Ec2.Paginators.DescribeInstances(new DescribeInstancesRequest { MaxResults = 100 }).Responses)
        {
            pages++;
            ids.AddRange(page.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId));
        }

        Assert.Equal(10, pages);
        Assert.Equal(1000, ids.Distinct().Count());

        var filtered = new List<string>();
        var request = new DescribeInstancesRequest { MaxResults = 50, Filters = [new Filter("image-id", [EmulatorHarness.AmazonLinux2023])] };
        await foreach (var reservation in h.Ec2.Paginators.DescribeInstances(request).Reservations)
        {
            filtered.AddRange(reservation.Instances.Select(i => i.InstanceId));
        }

        Assert.Equal(400, filtered.Distinct().Count());
    }

    [Fact]
    public async Task Bounds_tokens_and_combinations_are_checked_as_aws_does()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (await h.RunAsync()).InstanceId;
        var error = await AssertEc2.FailsAsync("InvalidParameterValue", () => h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 4 }));
        Assert.Contains("maxResults", error.Message, StringComparison.Ordinal);
        await AssertEc2.FailsAsync("InvalidParameterValue", () => h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 1001 }));
        await AssertEc2.FailsAsync("InvalidParameterCombination", () => h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5, InstanceIds = [id] }));
        await AssertEc2.FailsAsync("InvalidPaginationToken", () => h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { NextToken = "garbage" }));
        await AssertEc2.FailsAsync("InvalidParameterValue", () => h.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { MaxResults = TooMany() }));

        static int TooMany() => 101;
        var types = await h.Ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { MaxResults = 5 });
        await AssertEc2.FailsAsync("InvalidPaginationToken", () => h.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { NextToken = types.NextToken }));
    }
}
