using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Acode.Ec2Emulator.Tests;

/// <summary>
/// The Price List Query API's GetProducts (JSON 1.1) over the catalogue, unsigned here (signatures off; the signed path
/// is exercised by acode's own client in the integration tests): TERM_MATCH filters, pages, errors.
/// </summary>
public sealed class PriceListTests
{
    private static readonly string[] LinuxFilters = ["operatingSystem=Linux", "tenancy=Shared", "preInstalledSw=NA", "capacitystatus=Used"];

    [Theory]
    [InlineData("t3.medium", "eu-central-1", "0.0480000000")]
    [InlineData("t3.medium", "ap-south-1", "0.0448000000")]
    [InlineData("c5.large", "us-east-1", "0.0850000000")]
    [InlineData("t3.nano", "eu-west-1", "0.0057000000")]
    public async Task An_instance_type_in_a_priced_region_has_one_on_demand_Linux_product(string type, string region, string usd)
    {
        await using var h = await EmulatorHarness.StartAsync(verifySignatures: false);

        var (status, reply) = await GetProductsAsync(h, [$"instanceType={type}", $"regionCode={region}", .. LinuxFilters]);

        Assert.Equal(HttpStatusCode.OK, status);
        var product = JsonNode.Parse(Assert.Single(reply["PriceList"]!.AsArray())!.GetValue<string>())!;
        Assert.Equal("Compute Instance", product["product"]!["productFamily"]!.GetValue<string>());
        var dimension = product["terms"]!["OnDemand"]!.AsObject().Single().Value!["priceDimensions"]!.AsObject().Single().Value!;
        Assert.Equal(("Hrs", usd), (dimension["unit"]!.GetValue<string>(), dimension["pricePerUnit"]!["USD"]!.GetValue<string>()));
    }

    [Fact]
    public async Task EBS_storage_is_priced_per_GB_month_and_a_region_without_products_answers_an_empty_list()
    {
        await using var h = await EmulatorHarness.StartAsync(verifySignatures: false);

        var (_, ebs) = await GetProductsAsync(h, ["productFamily=Storage", "volumeApiName=gp3", "regionCode=eu-central-1"]);
        var (status, none) = await GetProductsAsync(h, ["instanceType=t3.medium", "regionCode=sa-east-1", .. LinuxFilters]);

        var dimension = JsonNode.Parse(Assert.Single(ebs["PriceList"]!.AsArray())!.GetValue<string>())!["terms"]!["OnDemand"]!.AsObject().Single().Value!["priceDimensions"]!.AsObject().Single().Value!;
        Assert.Equal(("GB-Mo", "0.0952000000"), (dimension["unit"]!.GetValue<string>(), dimension["pricePerUnit"]!["USD"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(none["PriceList"]!.AsArray());
        Assert.Contains(h.Emulator.ActionLog, e => e.Service == "pricing" && e.Action == "GetProducts" && e.ErrorCode is null);
    }

    [Fact]
    public async Task Pages_follow_NextToken_and_bad_requests_get_Price_List_errors()
    {
        await using var h = await EmulatorHarness.StartAsync(verifySignatures: false);

        var (_, first) = await GetProductsAsync(h, ["regionCode=us-east-1", "operatingSystem=Linux"], maxResults: 20);
        var (_, second) = await GetProductsAsync(h, ["regionCode=us-east-1", "operatingSystem=Linux"], maxResults: 20, nextToken: first["NextToken"]!.GetValue<string>());
        var (badService, serviceError) = await SendAsync(h, new JsonObject { ["ServiceCode"] = "AmazonS3" });
        var (badPage, pageError) = await SendAsync(h, new JsonObject { ["ServiceCode"] = "AmazonEC2", ["MaxResults"] = 500 });

        Assert.Equal(20, first["PriceList"]!.AsArray().Count);
        Assert.NotEmpty(second["PriceList"]!.AsArray());
        Assert.Empty(first["PriceList"]!.AsArray().Select(n => n!.GetValue<string>()).Intersect(second["PriceList"]!.AsArray().Select(n => n!.GetValue<string>())));
        Assert.Equal((HttpStatusCode.BadRequest, "NotFoundException"), (badService, serviceError["__type"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameterException"), (badPage, pageError["__type"]!.GetValue<string>()));
    }

    private static Task<(HttpStatusCode Status, JsonObject Reply)> GetProductsAsync(EmulatorHarness h, string[] filters, int? maxResults = null, string? nextToken = null)
    {
        var request = new JsonObject
        {
            ["ServiceCode"] = "AmazonEC2",
            ["FormatVersion"] = "aws_v1",
            ["Filters"] = new JsonArray([.. filters.Select(f => (JsonNode)new JsonObject { ["Type"] = "TERM_MATCH", ["Field"] = f[..f.IndexOf('=')], ["Value"] = f[(f.IndexOf('=') + 1)..] })]),
        };
        if (maxResults is { } max)
        {
            request["MaxResults"] = max;
        }

        if (nextToken is not null)
        {
            request["NextToken"] = nextToken;
        }

        return SendAsync(h, request);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Reply)> SendAsync(EmulatorHarness h, JsonObject request)
    {
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, h.Emulator.ServiceUrl)
        {
            Content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        message.Headers.Add("X-Amz-Target", "AWSPriceListService.GetProducts");
        using var response = await http.SendAsync(message);
        return (response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
