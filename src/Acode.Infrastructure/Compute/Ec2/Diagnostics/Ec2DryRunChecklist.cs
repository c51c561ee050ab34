using System.Globalization;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Application.Compute.Ec2.Diagnostics;
using Acode.Infrastructure.Compute.Ec2.Access;
using Acode.Infrastructure.Compute.Ec2.Ami;
using Acode.Infrastructure.Compute.Ec2.Keys;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.SecurityToken.Model;

namespace Acode.Infrastructure.Compute.Ec2.Diagnostics;

/// <summary>
/// The dry run of <c>acode target test ec2</c>, which launches nothing: credentials (STS GetCallerIdentity), region,
/// AMI, instance type offered, subnet and security groups, <c>DryRun=true</c> for RunInstances, CreateSecurityGroup,
/// ImportKeyPair and TerminateInstances, and the cost estimate. Nothing can be asked of AWS without credentials.
/// </summary>
internal sealed class Ec2DryRunChecklist(Ec2TargetDependencies dependencies)
{
    /// <summary>
    /// Runs every check into <paramref name="checks"/>; returns the configuration in the credentials' region, or null
    /// when there are no credentials (then only the estimate follows).
    /// </summary>
    public async Task<Ec2Configuration?> RunAsync(Ec2DiagnosticChecks checks, Ec2Configuration configuration, CancellationToken cancellationToken)
    {
        using var clients = new Ec2AccountClients(configuration, dependencies.CredentialResolver, dependencies.ClientFactory, dependencies.ExplicitCredentials);
        var credentials = await checks.CheckAsync("credentials", async () =>
        {
            var found = await clients.CredentialsAsync(cancellationToken).ConfigureAwait(false);
            return (found.ToString(), found);
        }, "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run 'aws configure' or 'aws sso login', or set ec2Target.profile").ConfigureAwait(false);
        if (credentials is null)
        {
            checks.Add(Estimate(configuration));
            return null;
        }

        configuration = configuration with { Region = credentials.Region };
        var ec2 = await clients.Ec2Async(credentials.Region, cancellationToken).ConfigureAwait(false);
        await checks.CheckAsync("identity (STS GetCallerIdentity)", async () =>
        {
            using var sts = await clients.CreateStsAsync(cancellationToken).ConfigureAwait(false);
            var who = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            return ($"account {who.Account}, {who.Arn}", true);
        }, "the credentials were refused: check the access key is active, or renew the session ('aws sso login')").ConfigureAwait(false);

        await checks.CheckAsync("region", async () =>
        {
            var zones = await ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest(), cancellationToken).ConfigureAwait(false);
            var names = (zones.AvailabilityZones ?? []).Select(z => z.ZoneName).Order(StringComparer.Ordinal).ToList();
            return names.Count == 0
                ? throw new InvalidOperationException($"{configuration.Region} reports no availability zones")
                : ($"{configuration.Region} ({names.Count} zones: {string.Join(", ", names)})", true);
        }, "set ec2Target.region (or --region) to a region enabled for the account").ConfigureAwait(false);

        var image = await checks.CheckAsync("AMI", async () =>
        {
            using var ssm = await clients.CreateSsmAsync(cancellationToken).ConfigureAwait(false);
            var resolved = await new Ec2AmiResolver(ec2, ssm).ResolveAsync(configuration.AmiId, configuration.SshUser, configuration.Region, configuration.InstanceType, cancellationToken).ConfigureAwait(false);
            var how = resolved.Alias is { } alias
                ? $"latest {alias.Name} from the SSM public parameter{(configuration.AmiId is null ? ", the default" : string.Empty)}{(alias.EndOfLifeWarning is null ? string.Empty : "; warning: end of life")}"
                : "configured";
            return ($"{resolved.ImageId} ({how}), SSH user {resolved.SshUser}", resolved);
        }, "set ec2Target.ami to an AMI of this region the account may launch or to an alias (al2023, ubuntu-24.04, debian-12), or remove it to use the latest Amazon Linux 2023").ConfigureAwait(false);

        await checks.CheckAsync("instance type offered", async () =>
        {
            var offerings = await ec2.DescribeInstanceTypeOfferingsAsync(
                new DescribeInstanceTypeOfferingsRequest
                {
                    LocationType = LocationType.AvailabilityZone,
                    Filters = [new Filter("instance-type", [configuration.InstanceType])],
                },
                cancellationToken).ConfigureAwait(false);
            var zones = (offerings.InstanceTypeOfferings ?? []).Select(o => o.Location).Order(StringComparer.Ordinal).ToList();
            return zones.Count == 0
                ? throw new InvalidOperationException($"{configuration.InstanceType} is not offered in {configuration.Region}")
                : ($"{configuration.InstanceType} in {string.Join(", ", zones)}", true);
        }, "choose a type offered in the region ('acode target ec2 recommend'), or another region").ConfigureAwait(false);

        await checks.CheckAsync("subnet", () => SubnetAsync(ec2, configuration, cancellationToken), "set ec2Target.subnetId to a subnet of this region, or create a default VPC ('aws ec2 create-default-vpc')").ConfigureAwait(false);
        await checks.CheckAsync(
            "security groups (SSH from this machine)",
            () => Ec2SshIngressCheck.RunAsync(ec2, configuration, token => dependencies.CallerAddress.SourceCidrsAsync(configuration.SshSourceCidrs, configuration.EndpointUrl, token), cancellationToken),
            "set createTempSecurityGroup: true (or remove securityGroupIds), or open the SSH port of a group to this machine's address").ConfigureAwait(false);

        // The very request a launch sends (one builder), with DryRun; the attempt is the first of the launch plan.
        var probe = configuration with { AmiId = image?.ImageId ?? (Ec2Formats.AmiId().IsMatch(configuration.AmiId ?? string.Empty) ? configuration.AmiId : "ami-00000000") };
        var attempt = Application.Compute.Ec2.Spot.SpotLaunchPlanner.Plan(probe)[0];
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["acode"] = "true" };
        await checks.DryRunAsync("RunInstances (DryRun)", () => ec2.RunInstancesAsync(
            Provisioning.Ec2RunInstancesRequests.Build(probe, attempt, "acode-target-test-" + Guid.NewGuid().ToString("N")[..8], tags, image?.RootDeviceName ?? Provisioning.Ec2RunInstancesRequests.DefaultRootDevice, dryRun: true),
            cancellationToken)).ConfigureAwait(false);
        checks.Add(new Ec2DiagnosticCheck
        {
            Name = "launch settings",
            Passed = true,
            Detail = string.Create(CultureInfo.InvariantCulture, $"IMDSv2 required (hop limit {configuration.ImdsHopLimit}); root volume {configuration.EbsVolumeType} {configuration.EbsSizeGb} GiB encrypted with {configuration.EbsKmsKeyId ?? "the account's default EBS key"}"),
        });
        await checks.DryRunAsync("CreateSecurityGroup (DryRun)", () => ec2.CreateSecurityGroupAsync(
            new CreateSecurityGroupRequest
            {
                DryRun = true,
                GroupName = "acode-test-" + Guid.NewGuid().ToString("N")[..8],
                Description = "acode target test (dry run)",
                VpcId = configuration.VpcId,
                TagSpecifications = [new() { ResourceType = ResourceType.SecurityGroup, Tags = [new Amazon.EC2.Model.Tag("acode", "true")] }],
            },
            cancellationToken)).ConfigureAwait(false);
        await checks.DryRunAsync("ImportKeyPair (DryRun)", () => ec2.ImportKeyPairAsync(
            new ImportKeyPairRequest
            {
                DryRun = true,
                KeyName = "acode-test-" + Guid.NewGuid().ToString("N")[..8],
                PublicKeyMaterial = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(SshKeyPairGenerator.GenerateEd25519("acode-target-test").PublicKeyLine)),
                TagSpecifications = [new() { ResourceType = ResourceType.KeyPair, Tags = [new Amazon.EC2.Model.Tag("acode", "true")] }],
            },
            cancellationToken)).ConfigureAwait(false);
        await checks.DryRunAsync("TerminateInstances (DryRun)", () => ec2.TerminateInstancesAsync(
            new TerminateInstancesRequest { DryRun = true, InstanceIds = ["i-00000000000000000"] },
            cancellationToken)).ConfigureAwait(false);

        checks.Add(Estimate(configuration));
        return configuration;
    }

    private static async Task<(string, bool)> SubnetAsync(IAmazonEC2 ec2, Ec2Configuration configuration, CancellationToken cancellationToken)
    {
        var request = configuration.SubnetId is { } id
            ? new DescribeSubnetsRequest { SubnetIds = [id] }
            : new DescribeSubnetsRequest { Filters = [new Filter("default-for-az", ["true"])] };
        var subnets = (await ec2.DescribeSubnetsAsync(request, cancellationToken).ConfigureAwait(false)).Subnets ?? [];
        return subnets.Count == 0
            ? throw new InvalidOperationException(configuration.SubnetId is null ? "no default subnet in the region" : $"{configuration.SubnetId} not found")
            : (configuration.SubnetId is null
                ? $"default subnets: {string.Join(", ", subnets.Select(s => $"{s.SubnetId} ({s.AvailabilityZone})"))}"
                : $"{subnets[0].SubnetId} in {subnets[0].AvailabilityZone}, VPC {subnets[0].VpcId}", true);
    }

    private static Ec2DiagnosticCheck Estimate(Ec2Configuration configuration)
    {
        try
        {
            var cost = Ec2CostCalculator.Calculate(Ec2CostRequest.FromConfiguration(configuration, TimeSpan.FromHours(1)));
            return new Ec2DiagnosticCheck
            {
                Name = "cost estimate",
                Passed = true,
                Detail = string.Create(CultureInfo.InvariantCulture, $"{configuration.InstanceType} {(configuration.SpotEnabled ? "spot" : "on-demand")} in {configuration.Region}: ${cost.HourlyRate:0.0000}/h with {configuration.EbsSizeGb} GiB {configuration.EbsVolumeType} and public IPv4; a 10-minute run about ${Ec2CostCalculator.Calculate(Ec2CostRequest.FromConfiguration(configuration, TimeSpan.FromMinutes(10))).TotalCost:0.0000}"),
            };
        }
        catch (Ec2PriceUnknownException ex)
        {
            return new Ec2DiagnosticCheck { Name = "cost estimate", Passed = true, Detail = "no offline price: " + ex.Message };
        }
    }
}
