using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Catalog;
using Acode.Ec2Emulator.Auth;
using Acode.Infrastructure.Compute.Ec2.InstanceTypes;
using Acode.IntegrationTests.Ec2.Spot;

namespace Acode.IntegrationTests.Ec2.InstanceTypes;

/// <summary>FR-041..046: live instance-type knowledge, offerings per AZ, and the offline fallback.</summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class InstanceTypeServiceEmulatorTests
{
    [Fact]
    public async Task Hardware_comes_from_describe_instance_types_and_unknown_names_are_left_out()
    {
        await using var h = await SpotEmulator.StartAsync();
        var service = new Ec2InstanceTypeService(h.Ec2, SpotEmulator.Region, TimeProvider.System);

        var lookup = await service.DescribeAsync(["g4dn.xlarge", "r5.large", "zz9.large"]);
        await service.DescribeAsync(["g4dn.xlarge", "r5.large", "zz9.large"]);

        Assert.True(lookup.Live);
        Assert.Equal(["g4dn.xlarge", "r5.large"], lookup.Types.Keys.Order(StringComparer.Ordinal));
        var gpu = lookup.Types["g4dn.xlarge"];
        Assert.Equal((4, 16m, 1, "T4", 16m, "x86_64"), (gpu.VCpus, gpu.MemoryGiB, gpu.GpuCount, gpu.GpuModel, gpu.GpuMemoryGiB, gpu.Architecture));
        Assert.Equal((2, 16m, 0), (lookup.Types["r5.large"].VCpus, lookup.Types["r5.large"].MemoryGiB, lookup.Types["r5.large"].GpuCount));
        // One call for all three (refused for the unknown name), then one per name; the second lookup is cached.
        Assert.Equal(4, h.Emulator.ActionLog.Count(e => e.Action == "DescribeInstanceTypes"));
    }

    [Fact]
    public async Task Offerings_are_paginated_per_region_and_per_zone()
    {
        await using var h = await SpotEmulator.StartAsync();
        var service = new Ec2InstanceTypeService(h.Ec2, SpotEmulator.Region, TimeProvider.System);

        var region = await service.GetOfferingsAsync();
        var zoneC = await service.GetOfferingsAsync("us-east-1c");

        Assert.Superset(Ec2InstanceCatalog.All.Select(t => t.Name).ToHashSet(), region.Offered!.ToHashSet());
        Assert.Equal(["us-east-1a", "us-east-1b"], await service.GetZonesOfferingAsync("g4dn.xlarge"));
        Assert.DoesNotContain("g4dn.xlarge", zoneC.Offered!);
        Assert.Contains("t3.medium", zoneC.Offered!);
    }

    [Fact]
    public async Task A_type_missing_in_the_subnets_zone_is_an_error_with_suggestions()
    {
        await using var h = await SpotEmulator.StartAsync();
        var checker = new Ec2InstanceTypeChecker(new Ec2InstanceTypeService(h.Ec2, SpotEmulator.Region, TimeProvider.System), h.Ec2);
        var configuration = new Ec2Configuration { Region = SpotEmulator.Region, InstanceType = "g4dn.xlarge", SubnetId = await h.SubnetInZoneAsync("us-east-1c") };

        var error = await Assert.ThrowsAsync<Ec2ConfigurationException>(() => checker.ThrowIfInvalidAsync(configuration));

        var line = Assert.Single(error.Errors);
        Assert.StartsWith("ec2Target.instanceType: g4dn.xlarge is not offered in us-east-1c", line, StringComparison.Ordinal);
        Assert.EndsWith("it is offered in us-east-1a, us-east-1b: use a subnet there", line, StringComparison.Ordinal);
        Assert.Empty(await checker.ThrowIfInvalidAsync(configuration with { SubnetId = await h.SubnetInZoneAsync("us-east-1a"), InstanceType = "c5.large" }));
    }

    [Fact]
    public async Task Mac_dedicated_and_malformed_spot_types_are_refused_at_once()
    {
        await using var h = await SpotEmulator.StartAsync();
        var checker = new Ec2InstanceTypeChecker(new Ec2InstanceTypeService(h.Ec2, SpotEmulator.Region, TimeProvider.System), h.Ec2);
        var configuration = new Ec2Configuration
        {
            Region = SpotEmulator.Region, InstanceType = "mac2.metal", SpotEnabled = true, SpotInstanceTypes = ["c5.large", "c5.larg"], Tenancy = "dedicated",
        };

        var error = await Assert.ThrowsAsync<Ec2ConfigurationException>(() => checker.ThrowIfInvalidAsync(configuration));

        Assert.Contains(error.Errors, e => e.StartsWith("ec2Target.instanceType: mac2.metal is an EC2 Mac instance", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("ec2Target.spotInstanceTypes[1]:", StringComparison.Ordinal) && e.Contains("c5.large", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("ec2Target.spotInstanceTypes[0]: tenancy \"dedicated\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_permission_the_offline_catalogue_stands_in_and_says_so()
    {
        await using var h = await SpotEmulator.StartAsync();
        h.Emulator.AddCredential(new EmulatorCredential { AccessKeyId = "limited", SecretAccessKey = "limited-secret", AllowedActions = new HashSet<string> { "DescribeInstances" } });
        using var limited = h.Client("limited", "limited-secret");
        var service = new Ec2InstanceTypeService(limited, SpotEmulator.Region, TimeProvider.System);
        var checker = new Ec2InstanceTypeChecker(service, limited);

        var lookup = await service.DescribeAsync(["c5.large", "m6a.large"]);
        var warnings = await checker.ThrowIfInvalidAsync(new Ec2Configuration { Region = SpotEmulator.Region, InstanceType = "c5.large" });

        Assert.False(lookup.Live);
        Assert.Equal(["c5.large"], lookup.Types.Keys);
        Assert.Contains("UnauthorizedOperation", lookup.Note, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.Contains("could not look up offerings in us-east-1 live (UnauthorizedOperation", StringComparison.Ordinal));
    }
}
