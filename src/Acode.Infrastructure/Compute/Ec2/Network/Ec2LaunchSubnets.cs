using Acode.Application.Compute.Ec2;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Acode.Infrastructure.Compute.Ec2.Network;

/// <summary>
/// The subnets a capacity-aware launch walks through (issue 13), each with its AZ: the configured <c>subnets</c> in
/// order; none when a single <c>subnetId</c> is set (the launch stays there); else every default subnet of the default
/// VPC, one per AZ. A region without a default VPC (many organisations delete it) and no subnet set stops here,
/// before anything is created.
/// </summary>
public static class Ec2LaunchSubnets
{
    /// <summary>Resolves the candidate subnets.</summary>
    /// <exception cref="Ec2ConfigurationException">A configured subnet does not exist, or there is no default VPC to fall back on.</exception>
    public static async Task<IReadOnlyList<(string SubnetId, string AvailabilityZone)>> ResolveAsync(IAmazonEC2 ec2, Ec2Configuration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Subnets.Count == 0 && configuration.SubnetId is not null)
        {
            return [];
        }

        var request = configuration.Subnets.Count > 0
            ? new DescribeSubnetsRequest { Filters = [new Filter("subnet-id", [.. configuration.Subnets])] }
            : new DescribeSubnetsRequest { Filters = [new Filter("default-for-az", ["true"])] };
        List<Subnet> found;
        try
        {
            found = (await ec2.DescribeSubnetsAsync(request, cancellationToken).ConfigureAwait(false)).Subnets ?? [];
        }
        catch (AmazonServiceException ex)
        {
            throw Ec2Errors.Translate(ex, "DescribeSubnets");
        }

        if (configuration.Subnets.Count > 0)
        {
            var missing = configuration.Subnets.Where(id => !found.Exists(s => s.SubnetId == id)).ToList();
            return missing.Count > 0
                ? throw new Ec2ConfigurationException([.. missing.Select(id => Ec2ConfigurationValidator.Problem($"subnets[{configuration.Subnets.ToList().IndexOf(id)}]", $"no such subnet in {configuration.Region}", id))])
                : [.. configuration.Subnets.Select(id => (id, found.First(s => s.SubnetId == id).AvailabilityZone))];
        }

        return found.Count == 0
            ? throw new Ec2ConfigurationException([Ec2ConfigurationValidator.Problem(
                "subnetId",
                $"{configuration.Region} has no default VPC (many organisations delete it), so there is nowhere to launch without a subnet: run 'aws ec2 create-default-vpc --region {configuration.Region}', or set subnetId (or subnets)",
                null)])
            : [.. found.OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).Select(s => (s.SubnetId, s.AvailabilityZone))];
    }
}
