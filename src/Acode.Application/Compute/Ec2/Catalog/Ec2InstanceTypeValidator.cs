namespace Acode.Application.Compute.Ec2.Catalog;

/// <summary>
/// Checks an instance type name (FR-045/046, UT-003) against its syntax, the known families and sizes, the offline
/// catalogue and, when given, the live offerings of the region or AZ (DescribeInstanceTypeOfferings, looked up by
/// the caller). Pure: every input is passed in.
/// </summary>
public static class Ec2InstanceTypeValidator
{
    /// <summary>Checks <paramref name="instanceType"/>.</summary>
    /// <param name="instanceType">The name to check.</param>
    /// <param name="region">The region, for messages and for price knowledge.</param>
    /// <param name="offeredTypes">Types offered where the instance would launch (region or AZ); null = not looked up.</param>
    /// <param name="location">What <paramref name="offeredTypes"/> is for, e.g. <c>us-west-2a</c>; defaults to the region.</param>
    /// <param name="amiSupportsGpu">Whether the AMI carries GPU drivers; null = unknown.</param>
    public static Ec2InstanceTypeCheck Check(
        string instanceType, string region, IReadOnlySet<string>? offeredTypes = null, string? location = null, bool? amiSupportsGpu = null)
    {
        instanceType ??= string.Empty;
        var where = location ?? region;
        var match = Ec2Formats.InstanceType().Match(instanceType);
        if (!match.Success)
        {
            var bare = instanceType.Trim().TrimEnd('.').ToLowerInvariant();
            var suggestions = Ec2InstanceCatalog.Families.Contains(bare)
                ? Ec2InstanceCatalog.All.Where(s => s.Family == bare).Select(s => s.Name).Take(3).ToList()
                : Suggest(instanceType.Trim(), offeredTypes);
            return Fail(instanceType, $"\"{instanceType}\" is not an instance type name (expected family.size, e.g. t3.medium){Hint(suggestions)}", suggestions);
        }

        var family = match.Groups["family"].Value;
        var size = match.Groups["size"].Value;
        if (family.StartsWith("mac", StringComparison.Ordinal))
        {
            return Fail(instanceType, $"{instanceType} is an EC2 Mac instance; Mac instances need dedicated hosts and are out of scope", []);
        }

        var spec = Ec2InstanceCatalog.Find(instanceType);
        var offeredLive = offeredTypes?.Contains(instanceType) == true;
        if (spec is null && !offeredLive)
        {
            if (!Ec2InstanceFamilies.Known.Contains(family))
            {
                var families = DidYouMean.Ranked(family, Ec2InstanceFamilies.Known, 3);
                var suggestions = families.Select(f => $"{f}.{size}").ToList();
                return Fail(instanceType, $"unknown instance family \"{family}\"{Hint(suggestions)}", suggestions);
            }

            if (!Ec2InstanceFamilies.KnownSizes.Contains(size))
            {
                var sizes = Ec2InstanceCatalog.All.Where(s => s.Family == family).Select(s => s.Size).ToList();
                var suggestions = DidYouMean.Ranked(size, sizes.Count > 0 ? sizes : Ec2InstanceFamilies.KnownSizes, 3).Select(s => $"{family}.{s}").ToList();
                return Fail(instanceType, $"unknown size \"{size}\" for family {family}{Hint(suggestions)}", suggestions);
            }
        }

        var errors = new List<string>();
        var warnings = new List<string>();
        var offered = Array.Empty<string>() as IReadOnlyList<string>;
        if (offeredTypes is not null && !offeredLive)
        {
            offered = Suggest(instanceType, offeredTypes, sameFamily: family);
            errors.Add($"{instanceType} is not offered in {where}{Hint(offered)}");
        }

        if (spec is null)
        {
            warnings.Add($"{instanceType} is not in acode's offline catalogue: no price estimate is available offline");
        }
        else if (Ec2InstanceCatalog.OnDemandHourly(instanceType, region) is null)
        {
            warnings.Add($"acode's offline catalogue has no {region} price for {instanceType}");
        }

        if (spec is { GpuCount: > 0 } && amiSupportsGpu == false)
        {
            warnings.Add($"{instanceType} has {spec.GpuCount} {spec.GpuModel} GPU(s) but the AMI has no GPU drivers: use a GPU AMI (e.g. a Deep Learning AMI) or you pay for an unused GPU");
        }

        if (spec is { Burstable: true })
        {
            warnings.Add($"{instanceType} is burstable: sustained CPU use above its baseline is billed as CPU credits on top of the hourly price");
        }

        return new Ec2InstanceTypeCheck { InstanceType = instanceType, Errors = errors, Warnings = warnings, Suggestions = offered };
    }

    private static Ec2InstanceTypeCheck Fail(string instanceType, string error, IReadOnlyList<string> suggestions) =>
        new() { InstanceType = instanceType, Errors = [error], Suggestions = suggestions };

    private static string Hint(IReadOnlyList<string> suggestions) =>
        suggestions.Count == 0 ? string.Empty : $" (did you mean {string.Join(", ", suggestions)}?)";

    private static IReadOnlyList<string> Suggest(string name, IReadOnlySet<string>? offeredTypes, string? sameFamily = null)
    {
        var pool = offeredTypes ?? (IEnumerable<string>)Ec2InstanceCatalog.All.Select(s => s.Name).ToList();
        var close = DidYouMean.Ranked(name, pool, 3);
        if (close.Count > 0 || sameFamily is null)
        {
            return close;
        }

        // Nothing is a typo away: offer what the same family does have there, cheapest-sized first.
        return pool.Where(t => t.StartsWith(sameFamily + ".", StringComparison.Ordinal))
            .OrderBy(t => Ec2InstanceCatalog.Find(t)?.VCpus ?? int.MaxValue)
            .ThenBy(t => t, StringComparer.Ordinal)
            .Take(3)
            .ToList();
    }
}
