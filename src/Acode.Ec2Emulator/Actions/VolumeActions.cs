using System.Globalization;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>DescribeVolumes: the EBS volumes launches created (deleted on termination when DeleteOnTermination).</summary>
internal static class VolumeActions
{
    private static readonly FilterSpec<VolumeRecord> Filters = new(v => v.Tags)
    {
        ["volume-id"] = v => [v.VolumeId],
        ["status"] = v => [v.Status],
        ["size"] = v => [v.Size.ToString(CultureInfo.InvariantCulture)],
        ["volume-type"] = v => [v.VolumeType],
        ["availability-zone"] = v => [v.AvailabilityZone],
        ["snapshot-id"] = v => [v.SnapshotId],
        ["encrypted"] = v => [v.Encrypted ? "true" : "false"],
        ["attachment.instance-id"] = v => [v.InstanceId],
        ["attachment.device"] = v => [v.Device],
        ["attachment.status"] = v => [v.InstanceId is null ? null : "attached"],
        ["attachment.delete-on-termination"] = v => [v.InstanceId is null ? null : v.DeleteOnTermination ? "true" : "false"],
    };

    public static void Register(ActionRegistry registry) => registry.Query("DescribeVolumes", Describe);

    private static void Describe(ActionContext ctx, XmlReply r)
    {
        var ids = ctx.Params.GetList("VolumeId");
        if (ids.Count > 0 && ctx.Params.Get("MaxResults") is not null)
        {
            throw new Ec2Exception("InvalidParameterCombination", "The parameter volumeSet cannot be used with the parameter maxResults");
        }

        foreach (var id in ids)
        {
            if (!Ids.IsWellFormed(id, "vol"))
            {
                throw new Ec2Exception("InvalidVolumeID.Malformed", $"Invalid id: \"{id}\" (expecting \"vol-...\")");
            }

            if (!ctx.State.Volumes.Exists(v => v.VolumeId == id))
            {
                throw new Ec2Exception("InvalidVolume.NotFound", $"The volume '{id}' does not exist.");
            }
        }

        var source = ctx.State.Volumes.Where(v => ids.Count == 0 || ids.Contains(v.VolumeId));
        var (page, next) = Pagination.Page(Filters.Apply(source, ctx.Params.GetFilters()).ToList(), ctx.Params, "DescribeVolumes", 5, 500);
        r.Set("volumeSet", page, (x, v) =>
        {
            x.E("volumeId", v.VolumeId).E("size", v.Size).E("snapshotId", v.SnapshotId ?? string.Empty).E("availabilityZone", v.AvailabilityZone)
                .E("status", v.Status).E("createTime", v.CreateTime);
            x.Set("attachmentSet", v.InstanceId is null ? [] : new[] { v }, (y, a) => y.E("volumeId", a.VolumeId).E("instanceId", a.InstanceId)
                .E("device", a.Device).E("status", "attached").E("attachTime", a.AttachTime).E("deleteOnTermination", a.DeleteOnTermination));
            x.E("volumeType", v.VolumeType).E("iops", (long?)(v.Iops ?? (v.VolumeType == "gp3" ? 3000 : v.VolumeType == "gp2" ? Math.Max(100, v.Size * 3) : null)))
                .E("throughput", (long?)(v.Throughput ?? (v.VolumeType == "gp3" ? 125 : null))).E("encrypted", v.Encrypted).E("kmsKeyId", v.KmsKeyId).E("multiAttachEnabled", false).Tags(v.Tags);
        });
        r.E("nextToken", next);
    }
}
