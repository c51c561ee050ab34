using System.Collections.Frozen;

namespace Acode.Application.Compute.Ec2.Catalog;

/// <summary>
/// Instance family and size names that exist in EC2 beyond the offline catalogue, so that a real but uncatalogued
/// type (e.g. <c>m6a.large</c>) is told apart from a typo. Existence in a region is still decided by the live
/// offerings lookup.
/// </summary>
public static class Ec2InstanceFamilies
{
    /// <summary>Families EC2 sells (current and previous generation, excluding Mac).</summary>
    public static readonly FrozenSet<string> Known = new[]
    {
        "a1", "c4", "c5", "c5a", "c5ad", "c5d", "c5n", "c6a", "c6g", "c6gd", "c6gn", "c6i", "c6id", "c6in", "c7a", "c7g",
        "c7gd", "c7gn", "c7i", "c7i-flex", "c8g", "d2", "d3", "d3en", "dl1", "f1", "f2", "g4ad", "g4dn", "g5", "g5g", "g6",
        "g6e", "gr6", "hpc6a", "hpc7a", "hpc7g", "i3", "i3en", "i4g", "i4i", "i7ie", "im4gn", "inf1", "inf2", "is4gen",
        "m4", "m5", "m5a", "m5ad", "m5d", "m5dn", "m5n", "m5zn", "m6a", "m6g", "m6gd", "m6i", "m6id", "m6idn", "m6in",
        "m7a", "m7g", "m7gd", "m7i", "m7i-flex", "m8g", "p3", "p3dn", "p4d", "p4de", "p5", "p5e", "r4", "r5", "r5a",
        "r5ad", "r5b", "r5d", "r5dn", "r5n", "r6a", "r6g", "r6gd", "r6i", "r6id", "r6idn", "r6in", "r7a", "r7g", "r7gd",
        "r7i", "r7iz", "r8g", "t2", "t3", "t3a", "t4g", "trn1", "trn1n", "vt1", "x1", "x1e", "x2gd", "x2idn", "x2iedn",
        "x2iezn", "x8g", "z1d",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Size names EC2 uses.</summary>
    public static readonly FrozenSet<string> KnownSizes = new[]
    {
        "nano", "micro", "small", "medium", "large", "xlarge", "2xlarge", "3xlarge", "4xlarge", "6xlarge", "8xlarge",
        "9xlarge", "12xlarge", "16xlarge", "18xlarge", "24xlarge", "32xlarge", "48xlarge", "metal",
    }.ToFrozenSet(StringComparer.Ordinal);
}
