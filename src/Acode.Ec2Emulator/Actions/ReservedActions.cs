using System.Globalization;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>DescribeReservedInstances: empty unless reservations were added through the control API.</summary>
internal static class ReservedActions
{
    private static readonly FilterSpec<ReservedInstanceRecord> Filters = new()
    {
        ["reserved-instances-id"] = ri => [ri.ReservedInstancesId],
        ["instance-type"] = ri => [ri.InstanceType],
        ["availability-zone"] = ri => [ri.AvailabilityZone],
        ["state"] = ri => [ri.State],
        ["product-description"] = ri => [ri.ProductDescription],
        ["duration"] = ri => [ri.DurationSeconds.ToString(CultureInfo.InvariantCulture)],
        ["scope"] = ri => [ri.AvailabilityZone is null ? "Region" : "Availability Zone"],
        ["instance-tenancy"] = _ => ["default"],
    };

    public static void Register(ActionRegistry registry) => registry.Query("DescribeReservedInstances", Describe);

    private static void Describe(ActionContext ctx, XmlReply r)
    {
        var ids = ctx.Params.GetList("ReservedInstancesId");
        var offeringType = ctx.Params.Get("OfferingType");
        var offeringClass = ctx.Params.Get("OfferingClass");
        var selected = ctx.State.ReservedInstances.Where(ri => (ids.Count == 0 || ids.Contains(ri.ReservedInstancesId))
            && (offeringType is null || ri.OfferingType == offeringType) && (offeringClass is null || ri.OfferingClass == offeringClass));
        r.Set("reservedInstancesSet", Filters.Apply(selected, ctx.Params.GetFilters()), (x, ri) =>
        {
            x.E("reservedInstancesId", ri.ReservedInstancesId).E("instanceType", ri.InstanceType).E("availabilityZone", ri.AvailabilityZone)
                .E("start", ri.Start).E("end", ri.Start.AddSeconds(ri.DurationSeconds)).E("duration", ri.DurationSeconds)
                .E("usagePrice", ri.UsagePrice.ToString(CultureInfo.InvariantCulture)).E("fixedPrice", ri.FixedPrice.ToString(CultureInfo.InvariantCulture))
                .E("instanceCount", ri.InstanceCount).E("productDescription", ri.ProductDescription).E("state", ri.State)
                .Open("tagSet").Close().E("instanceTenancy", "default").E("currencyCode", "USD").E("offeringType", ri.OfferingType);
            x.Set("recurringCharges", [ri], (y, c) => y.E("frequency", "Hourly").E("amount", c.RecurringHourlyPrice.ToString(CultureInfo.InvariantCulture)));
            x.E("offeringClass", ri.OfferingClass).E("scope", ri.AvailabilityZone is null ? "Region" : "Availability Zone");
        });
    }
}
