using Acode.Ec2Emulator.Catalog;
using Acode.Ec2Emulator.Protocol;

namespace Acode.Ec2Emulator.Actions;

/// <summary>DescribeImages over the public catalogue, with owner selection (<c>amazon</c>, <c>self</c>, account ids).</summary>
internal static class ImageActions
{
    private static readonly FilterSpec<ImageRecord> Filters = new()
    {
        ["image-id"] = i => [i.ImageId],
        ["name"] = i => [i.Name],
        ["description"] = i => [i.Description],
        ["architecture"] = i => [i.Architecture],
        ["owner-id"] = i => [i.OwnerId],
        ["owner-alias"] = i => [i.OwnerAlias],
        ["state"] = _ => ["available"],
        ["is-public"] = _ => ["true"],
        ["image-type"] = _ => ["machine"],
        ["root-device-type"] = _ => ["ebs"],
        ["root-device-name"] = i => [i.RootDeviceName],
        ["virtualization-type"] = _ => ["hvm"],
        ["platform-details"] = _ => ["Linux/UNIX"],
        ["creation-date"] = i => [i.CreationDate],
    };

    public static void Register(ActionRegistry registry) => registry.Query("DescribeImages", DescribeImages);

    private static void DescribeImages(ActionContext ctx, XmlReply r)
    {
        var ids = ctx.Params.GetList("ImageId");
        foreach (var id in ids)
        {
            if (!Ids.IsWellFormed(id, "ami"))
            {
                throw new Ec2Exception("InvalidAMIID.Malformed", $"Invalid id: \"{id}\" (expecting \"ami-...\")");
            }

            if (Images.Find(id) is null)
            {
                throw new Ec2Exception("InvalidAMIID.NotFound", $"The image id '[{id}]' does not exist");
            }
        }

        var owners = ctx.Params.GetList("Owner");
        var selected = Images.All.Where(i => (ids.Count == 0 || ids.Contains(i.ImageId))
            && (owners.Count == 0 || owners.Exists(o => o == i.OwnerId || o == i.OwnerAlias || (o == "self" && i.OwnerId == ctx.State.AccountId))));
        var (page, next) = Pagination.Page(Filters.Apply(selected, ctx.Params.GetFilters()).ToList(), ctx.Params, "DescribeImages", 1, 1000);
        r.Set("imagesSet", page, (x, i) =>
        {
            x.E("imageId", i.ImageId).E("imageLocation", (i.OwnerAlias ?? i.OwnerId) + "/" + i.Name).E("imageState", "available")
                .E("imageOwnerId", i.OwnerId).E("creationDate", i.CreationDate).E("isPublic", true).E("architecture", i.Architecture)
                .E("imageType", "machine").E("platformDetails", "Linux/UNIX").E("usageOperation", "RunInstances")
                .E("imageOwnerAlias", i.OwnerAlias).E("name", i.Name).E("description", i.Description).E("rootDeviceType", "ebs")
                .E("rootDeviceName", i.RootDeviceName);
            x.Set("blockDeviceMapping", [i], (y, image) => y.E("deviceName", image.RootDeviceName).Open("ebs").E("snapshotId", image.SnapshotId)
                .E("volumeSize", image.RootVolumeSize).E("deleteOnTermination", true).E("volumeType", image.RootVolumeType).E("encrypted", false).Close());
            x.E("virtualizationType", "hvm").E("hypervisor", "xen").E("enaSupport", true).E("sriovNetSupport", "simple").E("bootMode", "uefi-preferred")
                .E("imdsSupport", i.Name.StartsWith("al2023", StringComparison.Ordinal) ? "v2.0" : null);
        });
        r.E("nextToken", next);
    }
}
