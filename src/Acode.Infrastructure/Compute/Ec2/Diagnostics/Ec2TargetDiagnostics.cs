using System.Globalization;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Application.Compute.Ec2.Diagnostics;
using Acode.Infrastructure.Compute.Ec2.Access;
using Acode.Infrastructure.Compute.Ec2.Ami;
using Acode.Infrastructure.Compute.Ec2.Keys;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;

namespace Acode.Infrastructure.Compute.Ec2.Diagnostics;

/// <summary>
/// <c>acode target test ec2</c>: a dry run checks, without launching anything, credentials (STS GetCallerIdentity),
/// region, AMI, instance type offered, subnet and security groups, <c>DryRun=true</c> for RunInstances,
/// CreateSecurityGroup, ImportKeyPair and TerminateInstances, and the cost estimate; a full run goes through the whole
/// lifecycle (provision, SSH, <c>uname -a</c>, a file up and down, terminate) with a time per phase and the cost.
/// A failed check does not stop the others, except that nothing can be asked of AWS without credentials.
/// </summary>
public sealed class Ec2TargetDiagnostics : IEc2TargetDiagnostics
{
    private const string PolicyFix = "grant it in the caller's IAM policy (docs/iam-policy.json lists every action acode needs)";

    private readonly Ec2TargetDependencies _dependencies;

    /// <summary>Initializes a new instance of the <see cref="Ec2TargetDiagnostics"/> class.</summary>
    /// <param name="dependencies">The EC2 target's services (credentials, clients, clock); a full run launches through them.</param>
    public Ec2TargetDiagnostics(Ec2TargetDependencies dependencies)
    {
        _dependencies = dependencies ?? throw new ArgumentNullException(nameof(dependencies));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Ec2DiagnosticCheck>> RunAsync(Ec2Configuration configuration, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _dependencies.ModeValidator.EnsureCloudAllowed(Ec2Configuration.Ec2TargetType);
        var checks = new List<Ec2DiagnosticCheck>();
        using var clients = new Ec2AccountClients(configuration, _dependencies.CredentialResolver, _dependencies.ClientFactory, _dependencies.ExplicitCredentials);
        var credentials = await CheckAsync(checks, "credentials", async () =>
        {
            var found = await clients.CredentialsAsync(cancellationToken).ConfigureAwait(false);
            return (found.ToString(), found);
        }, "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run 'aws configure' or 'aws sso login', or set ec2Target.profile").ConfigureAwait(false);
        if (credentials is null)
        {
            checks.Add(Estimate(configuration));
            return checks;
        }

        configuration = configuration with { Region = credentials.Region };
        var ec2 = await clients.Ec2Async(credentials.Region, cancellationToken).ConfigureAwait(false);
        await CheckAsync(checks, "identity (STS GetCallerIdentity)", async () =>
        {
            using var sts = await clients.CreateStsAsync(cancellationToken).ConfigureAwait(false);
            var who = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            return ($"account {who.Account}, {who.Arn}", true);
        }, "the credentials were refused: check the access key is active, or renew the session ('aws sso login')").ConfigureAwait(false);

        await CheckAsync(checks, "region", async () =>
        {
            var zones = await ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest(), cancellationToken).ConfigureAwait(false);
            var names = (zones.AvailabilityZones ?? []).Select(z => z.ZoneName).Order(StringComparer.Ordinal).ToList();
            return names.Count == 0
                ? throw new InvalidOperationException($"{configuration.Region} reports no availability zones")
                : ($"{configuration.Region} ({names.Count} zones: {string.Join(", ", names)})", true);
        }, "set ec2Target.region (or --region) to a region enabled for the account").ConfigureAwait(false);

        var image = await CheckAsync(checks, "AMI", async () =>
        {
            using var ssm = await clients.CreateSsmAsync(cancellationToken).ConfigureAwait(false);
            var resolved = await new Ec2AmiResolver(ec2, ssm).ResolveAsync(configuration.AmiId, configuration.SshUser, configuration.Region, configuration.InstanceType, cancellationToken).ConfigureAwait(false);
            var how = resolved.Alias is { } alias
                ? $"latest {alias.Name} from the SSM public parameter{(configuration.AmiId is null ? ", the default" : string.Empty)}{(alias.EndOfLifeWarning is null ? string.Empty : "; warning: end of life")}"
                : "configured";
            return ($"{resolved.ImageId} ({how}), SSH user {resolved.SshUser}", resolved);
        }, "set ec2Target.ami to an AMI of this region the account may launch or to an alias (al2023, ubuntu-24.04, debian-12), or remove it to use the latest Amazon Linux 2023").ConfigureAwait(false);

        await CheckAsync(checks, "instance type offered", async () =>
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

        await CheckAsync(checks, "subnet", () => SubnetAsync(ec2, configuration, cancellationToken), "set ec2Target.subnetId to a subnet of this region, or create a default VPC ('aws ec2 create-default-vpc')").ConfigureAwait(false);
        await CheckAsync(
            checks,
            "security groups (SSH from this machine)",
            () => Ec2SshIngressCheck.RunAsync(ec2, configuration, token => _dependencies.CallerAddress.SourceCidrsAsync(configuration.SshSourceCidrs, configuration.EndpointUrl, token), cancellationToken),
            "set createTempSecurityGroup: true (or remove securityGroupIds), or open the SSH port of a group to this machine's address").ConfigureAwait(false);

        // The very request a launch sends (one builder), with DryRun; the attempt is the first of the launch plan.
        var probe = configuration with { AmiId = image?.ImageId ?? (Ec2Formats.AmiId().IsMatch(configuration.AmiId ?? string.Empty) ? configuration.AmiId : "ami-00000000") };
        var attempt = Application.Compute.Ec2.Spot.SpotLaunchPlanner.Plan(probe)[0];
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["acode"] = "true" };
        await DryRunAsync(checks, "RunInstances (DryRun)", () => ec2.RunInstancesAsync(
            Provisioning.Ec2RunInstancesRequests.Build(probe, attempt, "acode-target-test-" + Guid.NewGuid().ToString("N")[..8], tags, image?.RootDeviceName ?? Provisioning.Ec2RunInstancesRequests.DefaultRootDevice, dryRun: true),
            cancellationToken)).ConfigureAwait(false);
        checks.Add(new Ec2DiagnosticCheck
        {
            Name = "launch settings",
            Passed = true,
            Detail = string.Create(CultureInfo.InvariantCulture, $"IMDSv2 required (hop limit {configuration.ImdsHopLimit}); root volume {configuration.EbsVolumeType} {configuration.EbsSizeGb} GiB encrypted with {configuration.EbsKmsKeyId ?? "the account's default EBS key"}"),
        });
        await DryRunAsync(checks, "CreateSecurityGroup (DryRun)", () => ec2.CreateSecurityGroupAsync(
            new CreateSecurityGroupRequest
            {
                DryRun = true,
                GroupName = "acode-test-" + Guid.NewGuid().ToString("N")[..8],
                Description = "acode target test (dry run)",
                VpcId = configuration.VpcId,
                TagSpecifications = [new() { ResourceType = ResourceType.SecurityGroup, Tags = [new Amazon.EC2.Model.Tag("acode", "true")] }],
            },
            cancellationToken)).ConfigureAwait(false);
        await DryRunAsync(checks, "ImportKeyPair (DryRun)", () => ec2.ImportKeyPairAsync(
            new ImportKeyPairRequest
            {
                DryRun = true,
                KeyName = "acode-test-" + Guid.NewGuid().ToString("N")[..8],
                PublicKeyMaterial = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(SshKeyPairGenerator.GenerateEd25519("acode-target-test").PublicKeyLine)),
                TagSpecifications = [new() { ResourceType = ResourceType.KeyPair, Tags = [new Amazon.EC2.Model.Tag("acode", "true")] }],
            },
            cancellationToken)).ConfigureAwait(false);
        await DryRunAsync(checks, "TerminateInstances (DryRun)", () => ec2.TerminateInstancesAsync(
            new TerminateInstancesRequest { DryRun = true, InstanceIds = ["i-00000000000000000"] },
            cancellationToken)).ConfigureAwait(false);

        checks.Add(Estimate(configuration));
        if (!dryRun)
        {
            await LifecycleAsync(checks, configuration, cancellationToken).ConfigureAwait(false);
        }

        return checks;
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

    private async Task LifecycleAsync(List<Ec2DiagnosticCheck> checks, Ec2Configuration configuration, CancellationToken cancellationToken)
    {
        var time = _dependencies.TimeProvider;
        var folder = Path.Combine(Path.GetTempPath(), "acode-target-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "README.txt"), "acode target test workspace\n", cancellationToken).ConfigureAwait(false);
        var started = time.GetTimestamp();
        var target = new Ec2ComputeTargetFactory(_dependencies).Create(configuration);
        try
        {
            var ready = await CheckAsync(checks, "provision (launch, running, SSH ready)", async () =>
            {
                var prepared = await target.PrepareAsync(new WorkspaceContext { LocalRoot = folder }, cancellationToken).ConfigureAwait(false);
                return ($"{target.Instance?.InstanceId} at {target.Host}, host key {target.HostKeyFingerprint}", prepared);
            }, "see the error: capacity (try another type or region), or SSH (the security group must allow port 22 from this machine)").ConfigureAwait(false);
            if (ready is null)
            {
                return;
            }

            await CheckAsync(checks, "command (uname -a)", async () =>
            {
                var result = await target.ExecuteAsync("uname -a", null, cancellationToken).ConfigureAwait(false);
                return result.ExitCode == 0
                    ? (result.Stdout.Trim(), true)
                    : throw new InvalidOperationException($"exit code {result.ExitCode}: {result.Stderr.Trim()}");
            }, "the instance answers SSH but cannot run commands: check the AMI's shell").ConfigureAwait(false);

            var local = Path.Combine(folder, "probe.txt");
            var content = "acode target test " + Guid.NewGuid().ToString("N");
            await File.WriteAllTextAsync(local, content, cancellationToken).ConfigureAwait(false);
            await CheckAsync(checks, "upload a file", async () =>
            {
                var moved = await target.UploadAsync(local, "acode-probe.txt", null, cancellationToken).ConfigureAwait(false);
                return ($"{moved.Bytes} B", true);
            }, "check free disk space on the instance").ConfigureAwait(false);
            await CheckAsync(checks, "download it", async () =>
            {
                var back = Path.Combine(folder, "probe-back.txt");
                await target.DownloadAsync("acode-probe.txt", back, null, cancellationToken).ConfigureAwait(false);
                return await File.ReadAllTextAsync(back, cancellationToken).ConfigureAwait(false) == content
                    ? ("content identical", true)
                    : throw new InvalidOperationException("the file came back different");
            }, "check the instance's disk").ConfigureAwait(false);
        }
        finally
        {
            // Terminate on its own bounded token: a cancelled test still releases the instance.
            var instance = target.Instance;
            using var bounded = new CancellationTokenSource(Ec2TargetTimeouts.Cleanup, time);
            await CheckAsync(checks, "terminate", async () =>
            {
                await target.TeardownAsync(bounded.Token).ConfigureAwait(false);
                await target.DisposeAsync().ConfigureAwait(false);
                return (instance is null ? "nothing launched" : $"{instance.InstanceId} terminated; temporary key pair and security group removed", true);
            }, "run 'acode target ec2 list' and 'acode target ec2 cleanup --yes' to remove what remains").ConfigureAwait(false);
            if (instance is not null)
            {
                checks.Add(Spent(configuration, instance.InstanceType, time.GetElapsedTime(started)));
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static Ec2DiagnosticCheck Spent(Ec2Configuration configuration, string instanceType, TimeSpan elapsed)
    {
        try
        {
            var cost = Ec2CostCalculator.Calculate(Ec2CostRequest.FromConfiguration(configuration with { InstanceType = instanceType }, elapsed));
            return new Ec2DiagnosticCheck
            {
                Name = "cost",
                Passed = true,
                Detail = string.Create(CultureInfo.InvariantCulture, $"${cost.TotalCost:0.0000} for {elapsed.TotalSeconds:0.0} s (billed {cost.BilledDuration.TotalSeconds:0} s at ${cost.HourlyRate:0.0000}/h)"),
                Duration = elapsed,
            };
        }
        catch (Ec2PriceUnknownException ex)
        {
            return new Ec2DiagnosticCheck { Name = "cost", Passed = true, Detail = "no offline price: " + ex.Message, Duration = elapsed };
        }
    }

    private async Task DryRunAsync(List<Ec2DiagnosticCheck> checks, string name, Func<Task> call)
    {
        var started = _dependencies.TimeProvider.GetTimestamp();
        string? detail;
        string? fix = null;
        var passed = false;
        try
        {
            await call().ConfigureAwait(false);
            detail = "answered without DryRunOperation: the endpoint ignored DryRun";
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode == "DryRunOperation")
        {
            (passed, detail) = (true, "allowed");
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode == "UnauthorizedOperation")
        {
            (detail, fix) = ("not allowed (UnauthorizedOperation)", PolicyFix);
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode is "InvalidInstanceID.NotFound" or "InvalidInstanceID.Malformed")
        {
            // EC2 looks the instance up before it answers DryRunOperation; the probe names no real instance.
            (passed, detail) = (true, "accepted up to the instance lookup (the permission is checked for real on an acode instance)");
        }
        catch (AmazonServiceException ex)
        {
            (detail, fix) = ($"{ex.ErrorCode}: {ex.Message}", PolicyFix);
        }

        checks.Add(new Ec2DiagnosticCheck { Name = name, Passed = passed, Detail = detail, Fix = fix, Duration = _dependencies.TimeProvider.GetElapsedTime(started) });
    }

    private async Task<T?> CheckAsync<T>(List<Ec2DiagnosticCheck> checks, string name, Func<Task<(string Detail, T Value)>> check, string fix)
    {
        var started = _dependencies.TimeProvider.GetTimestamp();
        try
        {
            var (detail, value) = await check().ConfigureAwait(false);
            checks.Add(new Ec2DiagnosticCheck { Name = name, Passed = true, Detail = detail, Duration = _dependencies.TimeProvider.GetElapsedTime(started) });
            return value;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            var detail = ex is AmazonServiceException aws ? $"{aws.ErrorCode}: {aws.Message}" : ex.Message;
            checks.Add(new Ec2DiagnosticCheck { Name = name, Passed = false, Detail = detail, Fix = fix, Duration = _dependencies.TimeProvider.GetElapsedTime(started) });
            return default;
        }
    }
}
