using Acode.Application.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Acode.Infrastructure.Compute.Ec2.Network;

/// <summary>
/// Elastic IPs (FR-029): <c>elasticIp: auto</c> allocates one tagged address for the run and releases it at teardown;
/// <c>elasticIp: eipalloc-...</c> associates an existing address and leaves it allocated.
/// </summary>
public sealed class Ec2ElasticIpManager
{
    private readonly IAmazonEC2 _ec2;

    /// <summary>Initializes a new instance of the <see cref="Ec2ElasticIpManager"/> class.</summary>
    public Ec2ElasticIpManager(IAmazonEC2 ec2)
    {
        _ec2 = ec2;
    }

    /// <summary>Allocates (for <c>auto</c>; <paramref name="allocated"/> is told the id at once) and associates the address.</summary>
    /// <returns>The allocation id and the public address.</returns>
    public async Task<(string AllocationId, string PublicIp)> AttachAsync(
        string elasticIp, string instanceId, IReadOnlyDictionary<string, string> tags, Action<string> allocated, CancellationToken cancellationToken)
    {
        try
        {
            string allocationId;
            if (string.Equals(elasticIp, Ec2Defaults.ElasticIpAuto, StringComparison.OrdinalIgnoreCase))
            {
                var allocation = await _ec2.AllocateAddressAsync(
                    new AllocateAddressRequest { Domain = DomainType.Vpc, TagSpecifications = [Ec2TagSpecifications.For(ResourceType.ElasticIp, tags)] },
                    cancellationToken).ConfigureAwait(false);
                allocationId = allocation.AllocationId;
                allocated(allocationId);
            }
            else
            {
                allocationId = elasticIp;
            }

            await _ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = allocationId, InstanceId = instanceId }, cancellationToken).ConfigureAwait(false);
            var described = await _ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [allocationId] }, cancellationToken).ConfigureAwait(false);
            return (allocationId, described.Addresses?.FirstOrDefault()?.PublicIp ?? throw new Ec2ApiException("DescribeAddresses", "InvalidAllocationID.NotFound", null, $"Elastic IP {allocationId} has no address."));
        }
        catch (AmazonServiceException ex)
        {
            throw Ec2Errors.Translate(ex, "AssociateAddress");
        }
    }

    /// <summary>Releases an address acode allocated; already gone is success. Call after the instance is terminated.</summary>
    public async Task ReleaseAsync(string allocationId, CancellationToken cancellationToken)
    {
        try
        {
            await _ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = allocationId }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (Ec2Errors.IsAlreadyGone(ex))
        {
            // Already released.
        }
    }
}
