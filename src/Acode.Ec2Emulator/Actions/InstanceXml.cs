using Acode.Ec2Emulator.Imds;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>The XML of reservations and instances (RunInstances and DescribeInstances share it).</summary>
internal static class InstanceXml
{
    public static void Reservation(XmlReply r, EmulatorState state, IReadOnlyList<Instance> instances)
    {
        r.E("reservationId", instances[0].ReservationId).E("ownerId", state.AccountId);
        r.Open("groupSet").Close();
        r.Set("instancesSet", instances, (x, i) => Instance(x, state, i));
    }

    public static void Instance(XmlReply r, EmulatorState state, Instance i)
    {
        var publicIp = i.PublicIp;
        var publicDns = publicIp is null ? string.Empty : PublicDns(publicIp, state.Region);
        var privateDns = ImdsEndpoint.PrivateDns(i.PrivateIp, state.Region);
        r.E("instanceId", i.Id).E("imageId", i.Image.ImageId);
        State(r, "instanceState", i.State);
        r.E("privateDnsName", privateDns).E("dnsName", publicDns).E("reason", i.Reason).E("keyName", i.KeyName)
            .E("amiLaunchIndex", i.AmiLaunchIndex).Open("productCodes").Close().E("instanceType", i.Type.Name).E("launchTime", i.LaunchTime);
        r.Open("placement").E("availabilityZone", i.Subnet.AvailabilityZone).E("groupName", string.Empty).E("tenancy", "default").Close();
        r.Open("monitoring").E("state", "disabled").Close();
        r.E("subnetId", i.Subnet.SubnetId).E("vpcId", i.Subnet.VpcId).E("privateIpAddress", i.PrivateIp).E("ipAddress", publicIp)
            .E("sourceDestCheck", true);
        Groups(r, i.Groups);
        if (i.StateReasonCode is not null)
        {
            r.Open("stateReason").E("code", i.StateReasonCode).E("message", i.StateReasonMessage).Close();
        }

        r.E("architecture", i.Image.Architecture).E("rootDeviceType", "ebs").E("rootDeviceName", i.Image.RootDeviceName);
        r.Set("blockDeviceMapping", i.Volumes.Where(v => v.InstanceId == i.Id), (x, v) => x.E("deviceName", v.Device)
            .Open("ebs").E("volumeId", v.VolumeId).E("status", "attached").E("attachTime", v.AttachTime).E("deleteOnTermination", v.DeleteOnTermination).Close());
        if (i.SpotRequest is { } spot)
        {
            r.E("instanceLifecycle", "spot").E("spotInstanceRequestId", spot.RequestId);
        }

        r.E("virtualizationType", "hvm").E("clientToken", i.ClientToken ?? string.Empty).Tags(i.Tags).E("hypervisor", "xen");
        if (i.State != InstanceState.Terminated)
        {
            r.Open("networkInterfaceSet").Open("item")
                .E("networkInterfaceId", i.NetworkInterfaceId).E("subnetId", i.Subnet.SubnetId).E("vpcId", i.Subnet.VpcId).E("description", string.Empty)
                .E("ownerId", state.AccountId).E("status", "in-use").E("privateIpAddress", i.PrivateIp).E("privateDnsName", privateDns).E("sourceDestCheck", true);
            Groups(r, i.Groups);
            r.Open("attachment").E("attachmentId", "eni-attach-" + i.NetworkInterfaceId[4..]).E("deviceIndex", 0).E("status", "attached")
                .E("attachTime", i.LaunchTime).E("deleteOnTermination", true).Close();
            if (publicIp is not null)
            {
                r.Open("association").E("publicIp", publicIp).E("publicDnsName", publicDns).E("ipOwnerId", i.ElasticIp is null ? "amazon" : state.AccountId).Close();
            }

            r.Close().Close();
        }

        if (i.IamInstanceProfileArn is not null)
        {
            r.Open("iamInstanceProfile").E("arn", i.IamInstanceProfileArn).E("id", "AIPA" + i.Id[2..].ToUpperInvariant()).Close();
        }

        r.E("ebsOptimized", false).E("enaSupport", true);
        r.Open("cpuOptions").E("coreCount", Math.Max(1, i.Type.VCpus / 2)).E("threadsPerCore", i.Type.VCpus > 1 ? 2 : 1).Close();
        r.Open("metadataOptions").E("state", "applied").E("httpTokens", i.HttpTokens).E("httpPutResponseHopLimit", i.HttpPutResponseHopLimit)
            .E("httpEndpoint", i.HttpEndpoint).E("httpProtocolIpv6", "disabled").E("instanceMetadataTags", "disabled").Close();
        r.E("platformDetails", "Linux/UNIX").E("usageOperation", "RunInstances").E("bootMode", "uefi-preferred");
    }

    public static void State(XmlReply r, string element, InstanceState state) =>
        r.Open(element).E("code", state.Code).E("name", state.Name).Close();

    public static void Groups(XmlReply r, IEnumerable<SecurityGroupRecord> groups) =>
        r.Set("groupSet", groups, (x, g) => x.E("groupId", g.GroupId).E("groupName", g.GroupName));

    public static string PublicDns(string publicIp, string region) =>
        $"ec2-{publicIp.Replace('.', '-')}.{(region == "us-east-1" ? "compute-1" : region + ".compute")}.amazonaws.com";
}
