using System.Globalization;
using Acode.Ec2Emulator.Catalog;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>DescribeSpotPriceHistory (prices from on-demand minus each zone's discount, or set by the control API) and DescribeSpotInstanceRequests.</summary>
internal static class SpotActions
{
    private static readonly FilterSpec<(string Type, string Zone, decimal Price, DateTimeOffset Time)> PriceFilters = new()
    {
        ["instance-type"] = p => [p.Type],
        ["availability-zone"] = p => [p.Zone],
        ["availability-zone-id"] = p => [Regions.ZoneId(p.Zone)],
        ["product-description"] = _ => ["Linux/UNIX"],
        ["spot-price"] = p => [Price(p.Price)],
        ["timestamp"] = p => [Timestamps.Format(p.Time)],
    };

    private static readonly FilterSpec<SpotRequestRecord> RequestFilters = new(s => s.Tags)
    {
        ["spot-instance-request-id"] = s => [s.RequestId],
        ["state"] = s => [s.State],
        ["status-code"] = s => [s.StatusCode],
        ["instance-id"] = s => [s.InstanceId],
        ["launched-availability-zone"] = s => [s.AvailabilityZone],
        ["type"] = s => [s.SpotType],
        ["launch.instance-type"] = s => [s.InstanceType],
        ["launch.image-id"] = s => [s.ImageId],
        ["product-description"] = _ => ["Linux/UNIX"],
    };

    public static void Register(ActionRegistry registry)
    {
        registry.Query("DescribeSpotPriceHistory", DescribeSpotPriceHistory);
        registry.Query("DescribeSpotInstanceRequests", DescribeSpotInstanceRequests);
    }

    private static string Price(decimal price) => price.ToString("0.000000", CultureInfo.InvariantCulture);

    private static void DescribeSpotPriceHistory(ActionContext ctx, XmlReply r)
    {
        var types = ctx.Params.GetList("InstanceType");
        var products = ctx.Params.GetList("ProductDescription");
        var zone = ctx.Params.Get("AvailabilityZone");
        var start = Time(ctx.Params, "StartTime");
        var end = Time(ctx.Params, "EndTime") ?? ctx.Now;
        if (start is { } s && s > end)
        {
            throw new Ec2Exception("InvalidParameterValue", "The start time must be before the end time.");
        }

        var linux = products.Count == 0 || products.Exists(p => p.StartsWith("Linux/UNIX", StringComparison.Ordinal));
        var hour = new DateTimeOffset(ctx.Now.Year, ctx.Now.Month, ctx.Now.Day, ctx.Now.Hour, 0, 0, TimeSpan.Zero);
        var history = new List<(string Type, string Zone, decimal Price, DateTimeOffset Time)>();
        foreach (var z in Regions.Zones(ctx.State.Region).Where(z => zone is null || z == zone))
        {
            foreach (var type in InstanceTypes.All.Where(t => Regions.IsOffered(t, z) && (types.Count == 0 || types.Contains(t.Name)) && linux))
            {
                var points = new List<(decimal Price, DateTimeOffset Time)>
                {
                    (decimal.Round(type.OnDemandPrice(ctx.State.Region) * (1 - Regions.SpotDiscount(z)), 6), hour),
                };
                if (ctx.State.SpotPrices.TryGetValue((type.Name, z), out var set))
                {
                    points.Add((set.Price, set.Since));
                }

                points.Sort((a, b) => b.Time.CompareTo(a.Time));
                var inWindow = points.Where(p => p.Time <= end && (start is null || p.Time >= start)).ToList();
                var inForce = points.FirstOrDefault(p => p.Time <= (start ?? end));
                if (inForce != default && !inWindow.Contains(inForce))
                {
                    inWindow.Add(inForce);
                }

                history.AddRange(inWindow.Select(p => (type.Name, z, p.Price, p.Time)));
            }
        }

        var (page, next) = Pagination.Page(PriceFilters.Apply(history, ctx.Params.GetFilters()).ToList(), ctx.Params, "DescribeSpotPriceHistory", 1, 1000);
        r.Set("spotPriceHistorySet", page, (x, p) => x.E("availabilityZone", p.Zone).E("availabilityZoneId", Regions.ZoneId(p.Zone))
            .E("instanceType", p.Type).E("productDescription", "Linux/UNIX").E("spotPrice", Price(p.Price)).E("timestamp", p.Time));
        r.E("nextToken", next ?? string.Empty);
    }

    private static DateTimeOffset? Time(QueryParameters p, string name)
    {
        var text = p.Get(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw Ec2Exception.InvalidValue(name, text);
    }

    private static void DescribeSpotInstanceRequests(ActionContext ctx, XmlReply r)
    {
        var ids = ctx.Params.GetList("SpotInstanceRequestId");
        foreach (var id in ids.Where(id => !ctx.State.SpotRequests.Exists(s => s.RequestId == id)))
        {
            throw new Ec2Exception("InvalidSpotInstanceRequestID.NotFound", $"The spot instance request ID '{id}' does not exist");
        }

        var source = ctx.State.SpotRequests.Where(s => ids.Count == 0 || ids.Contains(s.RequestId));
        var (page, next) = Pagination.Page(RequestFilters.Apply(source, ctx.Params.GetFilters()).ToList(), ctx.Params, "DescribeSpotInstanceRequests", 5, 1000);
        r.Set("spotInstanceRequestSet", page, (x, s) =>
        {
            x.E("spotInstanceRequestId", s.RequestId).E("spotPrice", s.MaxPrice).E("type", s.SpotType).E("state", s.State);
            x.Open("status").E("code", s.StatusCode).E("updateTime", s.StatusUpdateTime).E("message", s.StatusMessage).Close();
            x.Open("launchSpecification").E("imageId", s.ImageId).E("keyName", s.KeyName).E("instanceType", s.InstanceType)
                .Open("placement").E("availabilityZone", s.AvailabilityZone).Close().Close();
            x.E("instanceId", s.InstanceId).E("createTime", s.CreateTime).E("productDescription", "Linux/UNIX")
                .E("launchedAvailabilityZone", s.AvailabilityZone).E("instanceInterruptionBehavior", s.InterruptionBehavior).Tags(s.Tags);
        });
        r.E("nextToken", next);
    }
}
