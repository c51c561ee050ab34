using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>The paged describe calls the sweep makes, with ids spread over filters of at most <see cref="Ec2OrphanDefaults.IdBatchSize"/> values.</summary>
internal static class Ec2OrphanQueries
{
    /// <summary>
    /// Instances matching <paramref name="filterName"/> = any of <paramref name="values"/> (plus <paramref name="extra"/>),
    /// every page. A filter instead of <c>InstanceIds</c>: missing ids are simply absent instead of failing the call.
    /// </summary>
    public static async Task<List<Instance>> InstancesAsync(
        IAmazonEC2 ec2, string filterName, IEnumerable<string> values, int pageSize, CancellationToken cancellationToken, params Filter[] extra)
    {
        var instances = new List<Instance>();
        foreach (var chunk in values.Distinct(StringComparer.Ordinal).Chunk(Ec2OrphanDefaults.IdBatchSize))
        {
            var request = new DescribeInstancesRequest { MaxResults = pageSize, Filters = [new Filter(filterName, [.. chunk]), .. extra] };
            await foreach (var reservation in ec2.Paginators.DescribeInstances(request).Reservations.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                instances.AddRange(reservation.Instances ?? []);
            }
        }

        return instances;
    }

    /// <summary>The filter for instances that still exist (hold security groups, cost money).</summary>
    public static Filter NotTerminated() => new("instance-state-name", [.. Ec2OrphanDefaults.NotTerminatedStateNames]);

    /// <summary>The filter <c>tag:acode=true</c>.</summary>
    public static Filter AcodeTag() => new("tag:" + Tagging.Ec2TagKeys.Acode, [Tagging.Ec2TagKeys.AcodeValue]);

    /// <summary>
    /// acode's security groups, every page: those tagged <c>acode=true</c> and those named like acode's (so the plan can
    /// say why an untagged one is left alone); or those with the given ids.
    /// </summary>
    public static async Task<List<SecurityGroup>> SecurityGroupsAsync(IAmazonEC2 ec2, int pageSize, CancellationToken cancellationToken, IReadOnlyList<string>? ids = null)
    {
        // A group-id filter, not GroupIds: a group deleted meanwhile is just absent.
        Filter[] filters = ids is null ? [AcodeTag(), NamePrefix("group-name")] : [new Filter("group-id", [.. ids])];
        var groups = new List<SecurityGroup>();
        foreach (var filter in filters)
        {
            var request = new DescribeSecurityGroupsRequest { MaxResults = pageSize, Filters = [filter] };
            await foreach (var group in ec2.Paginators.DescribeSecurityGroups(request).SecurityGroups.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                groups.Add(group);
            }
        }

        return [.. groups.DistinctBy(g => g.GroupId, StringComparer.Ordinal)];
    }

    /// <summary>acode's key pairs, tagged or named like acode's (DescribeKeyPairs is not paginated), or those with the given ids.</summary>
    public static async Task<List<KeyPairInfo>> KeyPairsAsync(IAmazonEC2 ec2, CancellationToken cancellationToken, IReadOnlyList<string>? ids = null)
    {
        Filter[] filters = ids is null ? [AcodeTag(), NamePrefix("key-name")] : [new Filter("key-pair-id", [.. ids])];
        var keys = new List<KeyPairInfo>();
        foreach (var filter in filters)
        {
            var response = await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { Filters = [filter] }, cancellationToken).ConfigureAwait(false);
            keys.AddRange(response.KeyPairs ?? []);
        }

        return [.. keys.DistinctBy(k => k.KeyPairId ?? k.KeyName, StringComparer.Ordinal)];
    }

    private static Filter NamePrefix(string filterName) => new(filterName, [Ec2OrphanDefaults.NamePrefix + "*"]);
}
