using System.Globalization;
using Acode.Ec2Emulator.Catalog;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>RunInstances: validation in AWS's order of concerns, ClientToken idempotency, then the launch.</summary>
internal static class RunInstancesAction
{
    private const int MaxUserDataBytes = 16 * 1024;
    private static readonly string[] VolumeTypes = ["standard", "io1", "io2", "gp2", "sc1", "st1", "gp3"];

    public static void Handle(ActionContext ctx, XmlReply r)
    {
        var p = ctx.Params;
        var token = p.Get("ClientToken");
        if (token is { Length: > 64 })
        {
            throw Ec2Exception.InvalidValue("ClientToken", token, "The client token must be at most 64 characters.");
        }

        var fingerprint = p.Fingerprint("ClientToken", "DryRun");
        if (token is not null && ctx.State.ClientTokens.TryGetValue(token, out var earlier))
        {
            if (earlier.Fingerprint != fingerprint)
            {
                throw new Ec2Exception("IdempotentParameterMismatch", "Arguments on this idempotent request are inconsistent with arguments used in previous request(s).");
            }

            ctx.Checkpoint();
            var same = ctx.State.Instances.Where(i => i.ReservationId == earlier.ReservationId).ToList();
            if (same.Count > 0)
            {
                InstanceXml.Reservation(r, ctx.State, same);
                return;
            }
        }

        var image = Image(p.Require("ImageId"));
        var typeName = p.Get("InstanceType") ?? "t3.micro";
        var type = InstanceTypes.Find(typeName) ?? throw Ec2Exception.InvalidValue("InstanceType", typeName);
        if (image.Architecture != "x86_64")
        {
            throw new Ec2Exception("InvalidParameterValue", $"The architecture 'x86_64' of the specified instance type does not match the architecture '{image.Architecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again.");
        }

        var minCount = p.GetInt("MinCount") ?? throw Ec2Exception.Missing("MinCount");
        var maxCount = p.GetInt("MaxCount") ?? throw Ec2Exception.Missing("MaxCount");
        if (minCount < 1 || maxCount < 1)
        {
            throw new Ec2Exception("InvalidParameterValue", "Value for parameter MinCount and MaxCount must be at least 1.");
        }

        if (minCount > maxCount)
        {
            throw new Ec2Exception("InvalidParameterValue", $"MinCount ({minCount}) must be less than or equal to MaxCount ({maxCount}).");
        }

        var live = ctx.State.Instances.Count(i => i.State != InstanceState.Terminated && i.State != InstanceState.ShuttingDown);
        var quota = Math.Max(0, EmulatorQuota(ctx) - live);
        if (minCount > quota)
        {
            throw new Ec2Exception("InstanceLimitExceeded", $"You have requested more instances ({minCount}) than your current instance limit of {EmulatorQuota(ctx)} allows for the specified instance type.");
        }

        var count = Math.Min(maxCount, quota);
        var key = KeyPair(ctx, p.Get("KeyName"));
        var nic = p.GetStructs("NetworkInterface").FirstOrDefault();
        var subnet = Subnet(ctx, p.Get("SubnetId") ?? nic?.Get("SubnetId"), p.Get("Placement.AvailabilityZone"), type);
        var groups = Groups(ctx, nic);
        var userData = UserData(p.Get("UserData"));
        var behavior = p.Get("InstanceInitiatedShutdownBehavior") ?? "stop";
        if (behavior is not ("stop" or "terminate"))
        {
            throw Ec2Exception.InvalidValue("InstanceInitiatedShutdownBehavior", behavior);
        }

        var profileArn = InstanceProfile(ctx);
        var mappings = BlockDevices(p, image);
        if (mappings.Exists(m => m.KmsKeyId is not null && !m.Encrypted))
        {
            throw new Ec2Exception("InvalidParameterDependency", "The parameter KmsKeyId requires the parameter Encrypted to be set.");
        }

        var instanceTags = Lookup.TagSpecifications(ctx, "instance", "instance", "volume", "spot-instances-request", "network-interface");
        var volumeTags = Lookup.TagSpecifications(ctx, "volume", "instance", "volume", "spot-instances-request", "network-interface");
        var spotTags = Lookup.TagSpecifications(ctx, "spot-instances-request", "instance", "volume", "spot-instances-request", "network-interface");
        var spot = SpotOptions(ctx, type, subnet.AvailabilityZone);
        var metadata = InstanceMetadata.FromRequest(p, image);

        ctx.Checkpoint();

        var reservationId = Ids.New("r");
        var launched = new List<Instance>();
        var launchTime = Timestamps.Truncate(ctx.Now);
        for (var index = 0; index < count; index++)
        {
            var instance = new Instance
            {
                Id = Ids.New("i"),
                ReservationId = reservationId,
                Image = image,
                Type = type,
                Subnet = subnet,
                PrivateIp = subnet.AllocatePrivateIp(),
                NetworkInterfaceId = Ids.New("eni"),
                Groups = groups,
                KeyName = key?.KeyName,
                ClientToken = token,
                AmiLaunchIndex = index,
                UserData = userData,
                IamInstanceProfileArn = profileArn,
                ShutdownBehavior = behavior,
                AssociatePublicIp = nic?.GetBool("AssociatePublicIpAddress", true) ?? true,
                HttpTokens = metadata.HttpTokens,
                HttpPutResponseHopLimit = metadata.HopLimit,
                HttpEndpoint = metadata.HttpEndpoint,
                LaunchTime = launchTime,
            };
            // Launch first: if no address can be reserved the error leaves no half-made instance behind.
            ctx.Lifecycle.Launch(instance, key?.PublicKey);
            foreach (var (k, v) in instanceTags)
            {
                instance.Tags[k] = v;
            }

            foreach (var mapping in mappings)
            {
                var volume = new VolumeRecord
                {
                    VolumeId = Ids.New("vol"),
                    Size = mapping.Size,
                    VolumeType = mapping.Type,
                    AvailabilityZone = subnet.AvailabilityZone,
                    CreateTime = launchTime,
                    SnapshotId = mapping.IsRoot ? image.SnapshotId : null,
                    Iops = mapping.Iops,
                    Throughput = mapping.Throughput,
                    Encrypted = mapping.Encrypted || mapping.KmsKeyId is not null,
                    KmsKeyId = mapping.Encrypted || mapping.KmsKeyId is not null ? mapping.KmsKeyId ?? InstanceMetadata.DefaultEbsKey(ctx.State.Region, ctx.State.AccountId) : null,
                    InstanceId = instance.Id,
                    Device = mapping.Device,
                    AttachTime = launchTime,
                    DeleteOnTermination = mapping.DeleteOnTermination,
                };
                foreach (var (k, v) in volumeTags)
                {
                    volume.Tags[k] = v;
                }

                instance.Volumes.Add(volume);
                ctx.State.Volumes.Add(volume);
            }

            if (spot is { } s)
            {
                instance.SpotRequest = new SpotRequestRecord
                {
                    RequestId = "sir-" + Ids.New("x")[2..10],
                    InstanceId = instance.Id,
                    SpotType = s.Type,
                    InterruptionBehavior = s.Behavior,
                    MaxPrice = s.MaxPrice,
                    CreateTime = launchTime,
                    AvailabilityZone = subnet.AvailabilityZone,
                    ImageId = image.ImageId,
                    InstanceType = type.Name,
                    KeyName = key?.KeyName,
                    StatusUpdateTime = launchTime,
                };
                foreach (var (k, v) in spotTags)
                {
                    instance.SpotRequest.Tags[k] = v;
                }

                ctx.State.SpotRequests.Add(instance.SpotRequest);
            }

            ctx.State.Instances.Add(instance);
            launched.Add(instance);
        }

        if (token is not null)
        {
            ctx.State.ClientTokens[token] = (fingerprint, reservationId);
        }

        InstanceXml.Reservation(r, ctx.State, launched);
    }

    private static int EmulatorQuota(ActionContext ctx) => ctx.State.InstanceQuota;

    private static ImageRecord Image(string imageId)
    {
        if (!Ids.IsWellFormed(imageId, "ami"))
        {
            throw new Ec2Exception("InvalidAMIID.Malformed", $"Invalid id: \"{imageId}\" (expecting \"ami-...\")");
        }

        return Images.Find(imageId) ?? throw new Ec2Exception("InvalidAMIID.NotFound", $"The image id '[{imageId}]' does not exist");
    }

    private static KeyPairRecord? KeyPair(ActionContext ctx, string? keyName) =>
        keyName is null ? null
        : ctx.State.KeyPairs.Find(k => k.KeyName == keyName) ?? throw new Ec2Exception("InvalidKeyPair.NotFound", $"The key pair '{keyName}' does not exist");

    private static SubnetRecord Subnet(ActionContext ctx, string? subnetId, string? zone, InstanceTypeInfo type)
    {
        SubnetRecord subnet;
        if (subnetId is not null)
        {
            subnet = ctx.State.Subnets.Find(s => s.SubnetId == subnetId)
                ?? throw new Ec2Exception("InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist");
        }
        else if (ctx.State.DefaultVpcId is null)
        {
            throw NoDefaultVpc();
        }
        else if (zone is not null)
        {
            subnet = ctx.State.Subnets.Find(s => s.AvailabilityZone == zone)
                ?? throw new Ec2Exception("InvalidParameterValue", $"Invalid availability zone: [{zone}]");
        }
        else
        {
            subnet = ctx.State.Subnets.Find(s => Regions.IsOffered(type, s.AvailabilityZone)) ?? ctx.State.Subnets[0];
        }

        if (!Regions.IsOffered(type, subnet.AvailabilityZone))
        {
            var offered = string.Join(", ", ctx.State.Subnets.Select(s => s.AvailabilityZone).Where(z => Regions.IsOffered(type, z)));
            throw new Ec2Exception("Unsupported", $"Your requested instance type ({type.Name}) is not supported in your requested Availability Zone ({subnet.AvailabilityZone}). Please retry your request by not specifying an Availability Zone or choosing {offered}.");
        }

        return subnet;
    }

    /// <summary>EC2's refusal of a request that leans on a default VPC the account does not have.</summary>
    internal static Ec2Exception NoDefaultVpc() => new("VPCIdNotSpecified", "No default VPC for this user");

    private static List<SecurityGroupRecord> Groups(ActionContext ctx, QueryParameters? nic)
    {
        var ids = ctx.Params.GetList("SecurityGroupId");
        if (nic is not null)
        {
            ids.AddRange(nic.GetList("SecurityGroupId"));
        }

        var groups = ids.Select(id => Lookup.Group(ctx, id)).ToList();
        groups.AddRange(ctx.Params.GetList("SecurityGroup").Select(name => Lookup.GroupByName(ctx, name)));
        return groups.Count > 0 ? [.. groups.Distinct()] : [ctx.State.DefaultGroup];
    }

    private static string? UserData(string? encoded)
    {
        if (encoded is null)
        {
            return null;
        }

        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            throw new Ec2Exception("InvalidUserData.Malformed", "Invalid BASE64 encoding of user data.");
        }

        return raw.Length > MaxUserDataBytes
            ? throw new Ec2Exception("InvalidParameterValue", $"User data is limited to {MaxUserDataBytes} bytes")
            : encoded;
    }

    private static string? InstanceProfile(ActionContext ctx)
    {
        var arn = ctx.Params.Get("IamInstanceProfile.Arn");
        var name = ctx.Params.Get("IamInstanceProfile.Name");
        if (arn is not null)
        {
            if (!arn.StartsWith("arn:aws:iam::", StringComparison.Ordinal) || !arn.Contains(":instance-profile/", StringComparison.Ordinal))
            {
                throw new Ec2Exception("InvalidParameterValue", $"Value ({arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN");
            }

            return arn;
        }

        return name is null ? null : $"arn:aws:iam::{ctx.State.AccountId}:instance-profile/{name}";
    }

    private static List<BlockDevice> BlockDevices(QueryParameters p, ImageRecord image)
    {
        var result = new List<BlockDevice> { new(image.RootDeviceName, image.RootVolumeSize, image.RootVolumeType, true, true, null, null, false) };
        foreach (var m in p.GetStructs("BlockDeviceMapping"))
        {
            var device = m.Get("DeviceName") ?? throw Ec2Exception.Missing("BlockDeviceMapping.DeviceName");
            if (m.Get("NoDevice") is not null || m.Get("VirtualName") is not null)
            {
                continue;
            }

            var isRoot = device == image.RootDeviceName;
            var type = m.Get("Ebs.VolumeType") ?? (isRoot ? image.RootVolumeType : "gp2");
            if (!VolumeTypes.Contains(type))
            {
                throw Ec2Exception.InvalidValue("BlockDeviceMapping.Ebs.VolumeType", type);
            }

            var size = m.GetInt("Ebs.VolumeSize") ?? (isRoot ? image.RootVolumeSize : throw Ec2Exception.Missing("BlockDeviceMapping.Ebs.VolumeSize"));
            var (lo, hi) = type switch { "gp3" or "io2" => (1, 65536), "io1" => (4, 16384), "st1" or "sc1" => (125, 16384), "standard" => (1, 1024), _ => (1, 16384) };
            if (isRoot && size < image.RootVolumeSize)
            {
                throw new Ec2Exception("InvalidBlockDeviceMapping", $"Volume of size {size}GB is smaller than snapshot '{image.SnapshotId}', expect size >= {image.RootVolumeSize}GB");
            }

            if (size < lo || size > hi)
            {
                throw new Ec2Exception("InvalidParameterValue", $"Volume size {size} is out of range for volume type {type} ({lo}-{hi} GiB).");
            }

            var entry = new BlockDevice(device, size, type, m.GetBool("Ebs.DeleteOnTermination", isRoot), isRoot, m.GetInt("Ebs.Iops"), m.GetInt("Ebs.Throughput"), m.GetBool("Ebs.Encrypted"), m.Get("Ebs.KmsKeyId"));
            result.RemoveAll(b => b.Device == device);
            result.Add(entry);
        }

        return [.. result.OrderByDescending(b => b.IsRoot)];
    }

    private static (string Type, string Behavior, string MaxPrice)? SpotOptions(ActionContext ctx, InstanceTypeInfo type, string zone)
    {
        var market = ctx.Params.Sub("InstanceMarketOptions");
        if (market.IsEmpty)
        {
            return null;
        }

        var marketType = market.Get("MarketType");
        if (marketType != "spot")
        {
            throw Ec2Exception.InvalidValue("InstanceMarketOptions.MarketType", marketType);
        }

        var spotType = market.Get("SpotOptions.SpotInstanceType") ?? "one-time";
        var behavior = market.Get("SpotOptions.InstanceInterruptionBehavior") ?? "terminate";
        if (spotType is not ("one-time" or "persistent"))
        {
            throw Ec2Exception.InvalidValue("InstanceMarketOptions.SpotOptions.SpotInstanceType", spotType);
        }

        if (behavior is not ("terminate" or "stop" or "hibernate"))
        {
            throw Ec2Exception.InvalidValue("InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior", behavior);
        }

        if (spotType == "persistent" && behavior == "terminate")
        {
            throw new Ec2Exception("InvalidParameterCombination", "For a persistent Spot Instance request, the interruption behavior must be stop or hibernate.");
        }

        var current = ctx.State.SpotPrice(type, zone);
        var onDemand = type.OnDemandPrice(ctx.State.Region);
        var maxPriceText = market.Get("SpotOptions.MaxPrice");
        if (maxPriceText is not null)
        {
            if (!decimal.TryParse(maxPriceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var maxPrice) || maxPrice <= 0.001m)
            {
                throw new Ec2Exception("InvalidParameterValue", $"Invalid value '{maxPriceText}' for spot price. The price must be more than 0.001.");
            }

            if (maxPrice < current)
            {
                throw new Ec2Exception("SpotMaxPriceTooLow", $"Your Spot request price of {maxPriceText} is lower than the minimum required Spot request fulfillment price of {current.ToString("0.0###", CultureInfo.InvariantCulture)}.");
            }

            return (spotType, behavior, maxPrice.ToString("0.000000", CultureInfo.InvariantCulture));
        }

        return (spotType, behavior, onDemand.ToString("0.000000", CultureInfo.InvariantCulture));
    }
}
