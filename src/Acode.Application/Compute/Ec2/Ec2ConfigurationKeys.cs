using Acode.Application.Configuration;
using static Acode.Application.Compute.Ec2.Ec2ConfigurationChecks;
using K = Acode.Application.Configuration.ConfigKeys<Acode.Application.Compute.Ec2.Ec2Configuration>;
using T = Acode.Application.Configuration.ConfigTypes;

namespace Acode.Application.Compute.Ec2;

/// <summary>
/// Every key of the <c>ec2Target:</c> section, declared once: this list drives binding from the file, validation,
/// what <c>target add</c> writes, what <c>target list</c> shows, and the key table of docs/ec2-configuration.md
/// (a test keeps the page equal to <see cref="ConfigKeyTable{T}.MarkdownTable"/>). Adding a key is one entry here.
/// </summary>
public static class Ec2ConfigurationKeys
{
    /// <summary>The keys in documentation order; binding starts from the defaults of <see cref="Ec2Configuration"/>.</summary>
    public static ConfigKeyTable<Ec2Configuration> Table { get; } = new(new Ec2Configuration { Region = string.Empty },
    [
        K.Key("region", T.Text, c => c.Region, (c, v) => c with { Region = v }, "AWS region code, e.g. `eu-central-1`; any commercial region, and any well-formed newer one (with a warning)",
            "see \"Region\" below", (_, v, p) => Region(v, p), alwaysWritten: true),
        K.Key("instanceType", T.Text, c => c.InstanceType, (c, v) => c with { InstanceType = v }, "instance type (`family.size`); EC2 Mac types are refused",
            check: (_, v, p) => InstanceType(v, p), alwaysWritten: true),
        K.Key("instanceTypes", T.List, c => c.InstanceTypes, (c, v) => c with { InstanceTypes = v }, "on-demand alternatives tried in order after `instanceType` when it has no capacity or is not offered in an AZ; a type the region offers nowhere stops before launching (exit 2, named by its index)",
            check: (_, v, p) => InstanceTypes(v, p)),
        K.Key("subnets", T.List, c => c.Subnets, (c, v) => c with { Subnets = v }, "`subnet-...` ids tried one AZ after another on capacity errors; not with `subnetId`",
            "the default VPC's default subnets", (c, v, p) =>
            {
                Ids(Ec2Formats.SubnetId(), "subnet-")(c, v, p);
                if (v.Count > 0 && c.SubnetId is not null)
                {
                    p.Add("set either subnetId or subnets, not both", string.Join(",", v));
                }
            }),
        K.Key("ami", T.OptionalText, c => c.AmiId, (c, v) => c with { AmiId = v }, "AMI id (`ami-` + 8 or 17 hex digits) or alias: `al2023`, `ubuntu-24.04`, `debian-12`, `al2` (end of life, warns); see docs/ec2.md Images",
            "`al2023` (latest Amazon Linux 2023, SSM public parameter)", (_, v, p) => Image(v, p)),
        K.Key("vpcId", T.OptionalText, c => c.VpcId, (c, v) => c with { VpcId = v }, "VPC for a temporary security group",
            "default VPC", Id(Ec2Formats.VpcId(), "vpc-")),
        K.Key("subnetId", T.OptionalText, c => c.SubnetId, (c, v) => c with { SubnetId = v }, "`subnet-...`",
            "default subnet", Id(Ec2Formats.SubnetId(), "subnet-")),
        K.Key("securityGroupIds", T.List, c => c.SecurityGroupIds, (c, v) => c with { SecurityGroupIds = v }, "`sg-...` ids to attach",
            check: Ids(Ec2Formats.SecurityGroupId(), "sg-")),
        K.Key("keyPairName", T.OptionalText, c => c.KeyPairName, (c, v) => c with { KeyPairName = v }, "existing key pair; its private key is `privateKeyPath`, else `~/.ssh/<name>.pem`, else `~/.ssh/<name>`",
            check: KeyPairName),
        K.Key("autoKeyPair", T.Optional(T.Bool), c => c.AutoKeyPair, (c, v) => c with { AutoKeyPair = v }, "generate an ed25519 key locally, import only the public half, delete at teardown",
            "true when `keyPairName` is unset", (c, v, p) =>
            {
                if (v == true && c.KeyPairName is not null)
                {
                    p.Add("cannot be true together with keyPairName (pick one)", true);
                }
            }),
        K.Key("privateKeyPath", T.OptionalText, c => c.PrivateKeyPath, (c, v) => c with { PrivateKeyPath = v }, "private key file (written 0600 for an auto key)",
            "none (auto key kept in memory)", (_, v, p) => NotBlank(v, p)),
        K.Key("instanceProfile", T.OptionalText, c => c.InstanceProfileArn, (c, v) => c with { InstanceProfileArn = v }, "IAM instance profile name or ARN",
            check: (_, v, p) => InstanceProfile(v, p)),
        K.Key("spotEnabled", T.Bool, c => c.SpotEnabled, (c, v) => c with { SpotEnabled = v }, "launch as spot (on-demand is the default)"),
        K.Key("spotMaxPrice", T.Optional(T.Price), c => c.SpotMaxPrice, (c, v) => c with { SpotMaxPrice = v }, "highest spot $/h",
            "on-demand price", PositiveAmount("price in USD per hour")),
        K.Key("spotInstanceTypes", T.List, c => c.SpotInstanceTypes, (c, v) => c with { SpotInstanceTypes = v }, "spot types, one EC2 Fleet (price-capacity-optimized) over them and the AZs",
            "`[instanceType]`", (_, v, p) => InstanceTypes(v, p)),
        K.Key("spotFallbackToOnDemand", T.Bool, c => c.SpotFallbackToOnDemand, (c, v) => c with { SpotFallbackToOnDemand = v }, "on capacity/price errors or an interruption, use on-demand"),
        K.Key("tenancy", T.Text, c => c.Tenancy, (c, v) => c with { Tenancy = v }, "only shared tenancy; dedicated instances and hosts are out of scope",
            check: (_, v, p) =>
            {
                if (v != Ec2Defaults.Tenancy)
                {
                    p.Add("only default (shared) tenancy is supported; dedicated instances and hosts are out of scope", v);
                }
            }),
        K.Key("ebsSizeGb", T.Int, c => c.EbsSizeGb, (c, v) => c with { EbsSizeGb = v }, $"root volume GiB, {Ec2Defaults.MinEbsSizeGb}..{Ec2Defaults.MaxEbsSizeGb}, deleted on termination",
            check: Between(Ec2Defaults.MinEbsSizeGb, Ec2Defaults.MaxEbsSizeGb)),
        K.Key("ebsVolumeType", T.Text, c => c.EbsVolumeType, (c, v) => c with { EbsVolumeType = v }, "`gp3` or `gp2`",
            check: (_, v, p) => EbsVolumeType(v, p)),
        K.Key("ebsKmsKeyId", T.OptionalText, c => c.EbsKmsKeyId, (c, v) => c with { EbsKmsKeyId = v }, "KMS key that encrypts the root volume (always encrypted): key id, `alias/NAME`, or key/alias ARN",
            "account's default EBS key", (_, v, p) => EbsKmsKeyId(v, p)),
        K.Key("imdsHopLimit", T.Int, c => c.ImdsHopLimit, (c, v) => c with { ImdsHopLimit = v }, "IMDSv2 (always required) PUT response hop limit, 1..64; 2 lets containers on the instance reach IMDS",
            check: Between(1, 64, " (2 for containers on the instance)")),
        K.Key("tags", T.Map, c => c.Tags, (c, v) => c with { Tags = v }, "added to instance and volume; at most 45 (acode adds 5 of AWS's 50), key <= 128, value <= 256, no `aws:`/`acode` keys",
            check: (_, v, p) => Tags(v, p)),
        K.Key("createTempSecurityGroup", T.Optional(T.Bool), c => c.CreateTempSecurityGroup, (c, v) => c with { CreateTempSecurityGroup = v }, "create a security group for the run allowing port 22 from `sshSourceCidrs` only; deleted afterwards; `false` to use the VPC's default group",
            "true when `securityGroupIds` is empty"),
        K.Key("sshSourceCidrs", T.List, c => c.SshSourceCidrs, (c, v) => c with { SshSourceCidrs = v }, "CIDRs allowed by the temporary group",
            "your public address /32", SshSourceCidrs),
        K.Key("associatePublicIp", T.Bool, c => c.AssociatePublicIp, (c, v) => c with { AssociatePublicIp = v }, "auto-assigned public IPv4 (billed $0.005/h)",
            check: (c, v, p) =>
            {
                if (!v && !c.UsePrivateIp && c.ElasticIp is null)
                {
                    p.Add("leaves no address to connect to: set usePrivateIp or elasticIp", false);
                }
            }),
        K.Key("usePrivateIp", T.Bool, c => c.UsePrivateIp, (c, v) => c with { UsePrivateIp = v }, "connect to the private address (VPN, inside the VPC)"),
        K.Key("elasticIp", T.OptionalText, c => c.ElasticIp, (c, v) => c with { ElasticIp = v }, "`auto` = allocate an Elastic IP for the run and release it at teardown; `eipalloc-...` = associate that address and leave it allocated",
            check: ElasticIp),
        K.Key("userData", T.OptionalText, c => c.UserData, (c, v) => c with { UserData = v }, "merged with acode's cloud-init; never logged; <= 16 KB",
            check: (_, v, p) => UserData(v, p), listed: false),
        K.Key("endpointUrl", T.Url, c => c.EndpointUrl, (c, v) => c with { EndpointUrl = v }, "EC2 endpoint, like `aws --endpoint-url` (the emulator)",
            "AWS", (_, v, p) => EndpointUrl(v, p)),
        K.Key("profile", T.OptionalText, c => c.Profile, (c, v) => c with { Profile = v }, "named AWS profile",
            "SDK default chain", (_, v, p) => NotBlank(v, p)),
        K.Key("sshUser", T.OptionalText, c => c.SshUser, (c, v) => c with { SshUser = v }, "SSH user",
            "from the alias or AMI (`ec2-user` Amazon Linux, `ubuntu` Ubuntu, `admin` Debian)", (_, v, p) => SshUser(v, p)),
        K.Key("sshPort", T.Int, c => c.SshPort, (c, v) => c with { SshPort = v }, "SSH port", check: Between(1, 65535)),
        K.Key("hostKeyVerification", T.Enum<Ec2HostKeyVerification>(), c => c.HostKeyVerification, (c, v) => c with { HostKeyVerification = v },
            "`pinned`: acode generates the host key and passes it through cloud-init; `consoleOutput`: fingerprints from GetConsoleOutput"),
        K.Key("pollInterval", T.Duration, c => c.PollInterval, (c, v) => c with { PollInterval = v }, "instance state polling", check: (_, v, p) => Positive(v, p)),
        K.Key("provisionTimeout", T.Duration, c => c.ProvisionTimeout, (c, v) => c with { ProvisionTimeout = v }, "launch to running", check: (_, v, p) => Positive(v, p)),
        K.Key("sshReadyTimeout", T.Duration, c => c.SshReadyTimeout, (c, v) => c with { SshReadyTimeout = v }, "running to an authenticated SSH session", check: (_, v, p) => Positive(v, p)),
        K.Key("sshRetryCount", T.Int, c => c.SshRetryCount, (c, v) => c with { SshRetryCount = v }, "SSH attempts after the first",
            check: (_, v, p) =>
            {
                if (v < 0)
                {
                    p.Add("must be zero or more", v);
                }
            }),
        K.Key("sshRetryInterval", T.Duration, c => c.SshRetryInterval, (c, v) => c with { SshRetryInterval = v }, "between SSH attempts", check: (_, v, p) => Positive(v, p)),
        K.Key("deadManSwitch", T.Bool, c => c.DeadManSwitch, (c, v) => c with { DeadManSwitch = v }, "the instance terminates itself when acode stops heartbeating (shutdown behaviour is always `terminate`)"),
        K.Key("maxLifetime", T.Duration, c => c.MaxLifetime, (c, v) => c with { MaxLifetime = v }, "the dead-man switch's hard limit", check: (_, v, p) => Positive(v, p)),
        K.Key("heartbeatTimeout", T.Duration, c => c.HeartbeatTimeout, (c, v) => c with { HeartbeatTimeout = v }, "the dead-man switch fires after this long without a heartbeat; shorter than `maxLifetime`",
            check: (c, v, p) =>
            {
                Positive(v, p);
                if (c.DeadManSwitch && v > TimeSpan.Zero && v >= c.MaxLifetime)
                {
                    p.Add("must be shorter than maxLifetime", v);
                }
            }),
        K.Key("costAlertThreshold", T.Optional(T.Decimal), c => c.CostAlertThreshold, (c, v) => c with { CostAlertThreshold = v }, "USD; an alert event once each time an instance's accrued cost crosses it",
            check: PositiveAmount("amount in USD")),
        K.Key("savingsPlan", T.Section(Ec2SavingsPlanKeys.Table), c => c.SavingsPlan, (c, v) => c with { SavingsPlan = v }, "`discountPercent` (0..100), optional `instanceFamilies`, `regions` (empty = all)",
            check: (_, v, p) =>
            {
                if (v is not null)
                {
                    Ec2SavingsPlanKeys.Table.Validate(v, p);
                }
            }),
    ]);
}
