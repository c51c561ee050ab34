using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Acode.Ec2Emulator.Catalog;

namespace Acode.Ec2Emulator.Pricing;

/// <summary>
/// The AmazonEC2 products of the emulator's catalogue as the Price List publishes them (format <c>aws_v1</c>): one
/// "Compute Instance" per type and region (Linux, shared tenancy, no pre-installed software, capacity used) and one
/// "Storage" per EBS volume type and region, each with a single on-demand price dimension.
/// </summary>
internal static class PriceListProducts
{
    private const string OnDemandTermCode = "JRTCKXETXF";
    private const string RateCode = "6YS6EN2CT7";
    private const string PublicationDate = "2026-11-01T00:00:00Z";

    public static readonly IReadOnlyList<Product> All = Build();

    /// <summary>A product: its attributes (what filters match) and its document.</summary>
    internal sealed record Product(IReadOnlyDictionary<string, string> Attributes, string Document);

    private static List<Product> Build()
    {
        var products = new List<Product>();
        foreach (var region in ListPrices.Regions)
        {
            foreach (var type in InstanceTypes.All)
            {
                if (ListPrices.OnDemand(type, region) is { } price)
                {
                    products.Add(Make("Compute Instance", new Dictionary<string, string>
                    {
                        ["instanceType"] = type.Name, ["regionCode"] = region, ["operatingSystem"] = "Linux", ["tenancy"] = "Shared",
                        ["preInstalledSw"] = "NA", ["capacitystatus"] = "Used", ["licenseModel"] = "No License required",
                        ["vcpu"] = type.VCpus.ToString(CultureInfo.InvariantCulture),
                        ["memory"] = (type.MemoryMiB / 1024m).ToString("0.###", CultureInfo.InvariantCulture) + " GiB",
                    }, price, "Hrs", $"${price} per On Demand Linux {type.Name} Instance Hour"));
                }
            }
        }

        foreach (var (region, volumeType, gbMonth) in ListPrices.Volumes)
        {
            products.Add(Make("Storage", new Dictionary<string, string>
            {
                ["volumeApiName"] = volumeType, ["regionCode"] = region, ["storageMedia"] = "SSD-backed",
            }, gbMonth, "GB-Mo", $"${gbMonth} per GB-month of {volumeType} provisioned storage"));
        }

        return products;
    }

    private static Product Make(string family, Dictionary<string, string> attributes, decimal price, string unit, string description)
    {
        attributes["servicecode"] = "AmazonEC2";
        attributes["productFamily"] = family;
        var sku = Sku(string.Join('|', attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + a.Value)));
        var term = $"{sku}.{OnDemandTermCode}";
        var attributesJson = new JsonObject();
        foreach (var (key, value) in attributes)
        {
            attributesJson[key] = value;
        }

        var document = new JsonObject
        {
            ["product"] = new JsonObject { ["productFamily"] = family, ["attributes"] = attributesJson, ["sku"] = sku },
            ["serviceCode"] = "AmazonEC2",
            ["terms"] = new JsonObject
            {
                ["OnDemand"] = new JsonObject
                {
                    [term] = new JsonObject
                    {
                        ["priceDimensions"] = new JsonObject
                        {
                            [$"{term}.{RateCode}"] = new JsonObject
                            {
                                ["unit"] = unit, ["endRange"] = "Inf", ["description"] = description, ["appliesTo"] = new JsonArray(),
                                ["rateCode"] = $"{term}.{RateCode}", ["beginRange"] = "0",
                                ["pricePerUnit"] = new JsonObject { ["USD"] = price.ToString("0.0000000000", CultureInfo.InvariantCulture) },
                            },
                        },
                        ["sku"] = sku, ["effectiveDate"] = PublicationDate, ["offerTermCode"] = OnDemandTermCode, ["termAttributes"] = new JsonObject(),
                    },
                },
            },
            ["version"] = "20261101000000",
            ["publicationDate"] = PublicationDate,
        };
        return new Product(attributes, document.ToJsonString());
    }

    private static string Sku(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
}
