using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Acode.Ec2Emulator.Actions;

namespace Acode.Ec2Emulator.Tests;

public sealed class FuzzTests
{
    private static readonly string[] Names =
    [
        "InstanceId.1", "InstanceId.2", "MaxResults", "NextToken", "Filter.1.Name", "Filter.1.Value.1", "Filter.2.Name", "ImageId", "MinCount",
        "MaxCount", "KeyName", "KeyType", "GroupId", "GroupName", "GroupDescription", "IpPermissions.1.IpProtocol", "IpPermissions.1.FromPort",
        "IpPermissions.1.ToPort", "IpPermissions.1.IpRanges.1.CidrIp", "UserData", "ClientToken", "DryRun", "ResourceId.1", "Tag.1.Key",
        "Tag.1.Value", "AllocationId", "AssociationId", "PublicKeyMaterial", "BlockDeviceMapping.1.DeviceName", "BlockDeviceMapping.1.Ebs.VolumeSize",
        "InstanceMarketOptions.MarketType", "InstanceMarketOptions.SpotOptions.MaxPrice", "TagSpecification.1.ResourceType",
        "TagSpecification.1.Tag.1.Key", "Attribute", "LocationType", "StartTime", "InstanceType.1", "InstanceType", "SubnetId", "Owner.1",
    ];

    private static readonly string[] Values =
    [
        "", "0", "-1", "5", "1000", "99999999999999999999", "true", "maybe", "i-0123456789abcdef0", "ami-0a1f2e3d4c5b6a701", "tag:x", "*", "?*\\",
        "%ZZ", "t3.micro", "tcp", "0.0.0.0/0", "not/a/cidr", "spot", "2024-13-45T99:99:99Z", new string('x', 5000), "ssh-rsa AAAA", "\u0000\u00ff",
    ];

    [Fact]
    public async Task Random_bytes_and_random_parameters_always_get_a_well_formed_reply()
    {
        await using var h = await EmulatorHarness.StartAsync(verifySignatures: false);
        using var http = new HttpClient { BaseAddress = h.Emulator.ServiceUrl };
        var random = new Random(20261125);
        var actions = new ActionRegistry().Names.ToArray();

        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            var kind = i % 3;
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(kind == 1 ? "application/x-amz-json-1.1" : "application/x-www-form-urlencoded");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
            if (kind == 1)
            {
                request.Headers.Add("X-Amz-Target", random.Next(2) == 0 ? "AmazonSSM.GetParameter" : "AmazonSSM.GetParameters");
            }

            await AssertWellFormedAsync(http, request);
        }

        for (var i = 0; i < 800; i++)
        {
            var form = new StringBuilder("Action=").Append(actions[random.Next(actions.Length)]).Append("&Version=2016-11-15");
            for (var p = random.Next(0, 8); p > 0; p--)
            {
                form.Append('&').Append(Uri.EscapeDataString(Names[random.Next(Names.Length)])).Append('=').Append(Uri.EscapeDataString(Values[random.Next(Values.Length)]));
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(form.ToString(), Encoding.UTF8, "application/x-www-form-urlencoded") };
            await AssertWellFormedAsync(http, request);
        }
    }

    [Fact]
    public async Task Garbage_authorization_headers_are_refused_cleanly()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = h.Emulator.ServiceUrl };
        string[] headers =
        [
            "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 Credential=test/x/y/ec2/aws4_request, SignedHeaders=host, Signature=00",
            "Basic dGVzdDp0ZXN0", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ec2/aws4_request, SignedHeaders=;;;, Signature=zz",
        ];
        foreach (var header in headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("Action=DescribeRegions&Version=2016-11-15", Encoding.UTF8, "application/x-www-form-urlencoded") };
            request.Headers.TryAddWithoutValidation("Authorization", header);
            request.Headers.TryAddWithoutValidation("X-Amz-Date", "20260101T000000Z");
            var status = await AssertWellFormedAsync(http, request);
            Assert.NotEqual(HttpStatusCode.OK, status);
        }
    }

    private static async Task<HttpStatusCode> AssertWellFormedAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        if (response.Content.Headers.ContentType?.MediaType == "application/x-amz-json-1.1")
        {
            using var json = JsonDocument.Parse(body);
            Assert.True(response.IsSuccessStatusCode || json.RootElement.TryGetProperty("__type", out _));
        }
        else
        {
            var xml = XDocument.Parse(body);
            Assert.True(response.IsSuccessStatusCode || xml.Descendants().Any(e => e.Name.LocalName == "Code"));
        }

        return response.StatusCode;
    }
}
