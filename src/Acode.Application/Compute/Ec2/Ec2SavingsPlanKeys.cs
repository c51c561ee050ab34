using Acode.Application.Configuration;
using K = Acode.Application.Configuration.ConfigKeys<Acode.Application.Compute.Ec2.Ec2SavingsPlan>;
using T = Acode.Application.Configuration.ConfigTypes;

namespace Acode.Application.Compute.Ec2;

/// <summary>The keys of <c>ec2Target.savingsPlan:</c>.</summary>
public static class Ec2SavingsPlanKeys
{
    /// <summary>The keys; <c>discountPercent</c> is required.</summary>
    public static ConfigKeyTable<Ec2SavingsPlan> Table { get; } = new(new Ec2SavingsPlan { DiscountPercent = 0m },
    [
        K.Key("discountPercent", T.Decimal, s => s.DiscountPercent, (s, v) => s with { DiscountPercent = v }, "percent off the on-demand rate",
            check: (_, v, p) =>
            {
                if (v is <= 0m or >= 100m)
                {
                    p.Add("must be more than 0 and less than 100", v);
                }
            },
            required: true),
        K.Key("instanceFamilies", T.List, s => s.InstanceFamilies, (s, v) => s with { InstanceFamilies = v }, "families covered; empty = all"),
        K.Key("regions", T.List, s => s.Regions, (s, v) => s with { Regions = v }, "regions covered; empty = all"),
    ]);
}
