using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acode.Application.Compute.Ec2.Cost;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Infrastructure.Compute.Ec2.Pricing;

/// <summary>
/// <see cref="IEc2ListPriceSource"/> over the AWS Price List Query API: <c>GetProducts</c> (JSON 1.1, target
/// <c>AWSPriceListService.GetProducts</c>) on <see cref="DefaultEndpoint"/>, signed SigV4 for service <c>pricing</c> in
/// us-east-1 with AWSSDK.Core's signer (AWSSDK.Pricing is not available here). Answers, known or not, are cached; every
/// call has a short timeout, and any failure is "not known" (logged), never an exception.
/// </summary>
public sealed class AwsPriceListClient : IEc2ListPriceSource, IDisposable
{
    /// <summary>The Price List Query API's endpoint (it is served from us-east-1 for every region's prices).</summary>
    public static readonly Uri DefaultEndpoint = new("https://api.pricing.us-east-1.amazonaws.com/");

    /// <summary>How long one lookup may take before its price counts as unknown.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long an answer is reused (list prices change a few times a year).</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromHours(12);

    private const string SigningRegion = "us-east-1";
    private const string Service = "pricing";
    private const string Target = "AWSPriceListService.GetProducts";
    private const string JsonContentType = "application/x-amz-json-1.1";

    private readonly AWSCredentials _credentials;
    private readonly Uri _endpoint;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly ExpiringCache<string, decimal?> _cache;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the client.</summary>
    /// <param name="credentials">The credentials that sign each call (the account needs <c>pricing:GetProducts</c>).</param>
    /// <param name="endpoint">The endpoint; null for <see cref="DefaultEndpoint"/> (the emulator's URL in tests).</param>
    /// <param name="timeProvider">The clock of signatures, timeouts and the cache.</param>
    /// <param name="timeout">Per-lookup timeout; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="logger">The logger.</param>
    public AwsPriceListClient(AWSCredentials credentials, Uri? endpoint, TimeProvider timeProvider, TimeSpan? timeout = null, ILogger<AwsPriceListClient>? logger = null)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _endpoint = endpoint ?? DefaultEndpoint;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _timeout = timeout ?? DefaultTimeout;
        _cache = new ExpiringCache<string, decimal?>(_time, CacheDuration);
    }

    /// <inheritdoc />
    public Task<decimal?> GetOnDemandHourlyAsync(string instanceType, string region, CancellationToken cancellationToken = default) =>
        LookUpAsync(instanceType, region, "Hrs",
        [
            ("instanceType", instanceType), ("regionCode", region), ("operatingSystem", "Linux"), ("tenancy", "Shared"),
            ("preInstalledSw", "NA"), ("capacitystatus", "Used"), ("licenseModel", "No License required"),
        ], cancellationToken);

    /// <inheritdoc />
    public Task<decimal?> GetEbsGbMonthAsync(string volumeType, string region, CancellationToken cancellationToken = default) =>
        LookUpAsync("EBS " + volumeType, region, "GB-Mo",
        [("productFamily", "Storage"), ("volumeApiName", volumeType), ("regionCode", region)], cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<decimal?> LookUpAsync(string what, string region, string unit, (string Field, string Value)[] filters, CancellationToken cancellationToken)
    {
        var key = what + "|" + region;
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        decimal? price;
        try
        {
            price = FirstPrice(await GetProductsAsync(filters, linked.Token).ConfigureAwait(false), unit);
            if (price is { } known)
            {
                Ec2Log.ListPriceLoaded(_logger, what, region, known, unit);
            }
            else
            {
                Ec2Log.ListPriceUnknown(_logger, what, region, "the price list has no such product");
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or JsonException or AmazonClientException or InvalidOperationException or FormatException)
        {
            Ec2Log.ListPriceUnknown(_logger, what, region, timeout.IsCancellationRequested ? $"no answer within {_timeout.TotalSeconds:0} s" : e.Message);
            return null;
        }

        _cache.Set(key, price);
        return price;
    }

    private async Task<JsonNode?> GetProductsAsync((string Field, string Value)[] filters, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["ServiceCode"] = "AmazonEC2",
            ["FormatVersion"] = "aws_v1",
            ["MaxResults"] = 10,
            ["Filters"] = new JsonArray([.. filters.Select(f => (JsonNode)new JsonObject { ["Type"] = "TERM_MATCH", ["Field"] = f.Field, ["Value"] = f.Value })]),
        }.ToJsonString();
        var credentials = await _credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        using var request = Sign(body, credentials);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var type = (JsonNode.Parse(text) as JsonObject)?["__type"]?.GetValue<string>() ?? "error";
            throw new InvalidOperationException($"GetProducts answered {(int)response.StatusCode} {type}");
        }

        return JsonNode.Parse(text);
    }

    // The canonical request is built here (POST /, no query, the signed headers below); AWSSDK.Core's signer derives the
    // key and computes the signature and Authorization header.
    private HttpRequestMessage Sign(string body, ImmutableCredentials credentials)
    {
        var signedAt = _time.GetUtcNow().UtcDateTime;
        var amzDate = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var host = _endpoint.IsDefaultPort ? _endpoint.Host : $"{_endpoint.Host}:{_endpoint.Port}";
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = JsonContentType,
            ["host"] = host,
            ["x-amz-content-sha256"] = payloadHash,
            ["x-amz-date"] = amzDate,
            ["x-amz-target"] = Target,
        };
        if (credentials.UseToken)
        {
            headers["x-amz-security-token"] = credentials.Token;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = $"POST\n/\n\n{string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n"))}\n{signedHeaders}\n{payloadHash}";
        var signature = AWS4Signer.ComputeSignature(credentials, SigningRegion, signedAt, Service, signedHeaders, canonical);

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, "/"))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(JsonContentType);
        foreach (var (name, value) in headers.Where(h => h.Key is not ("content-type" or "host")))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        return request;
    }

    // PriceList items are JSON documents in strings: product -> terms.OnDemand.<term>.priceDimensions.<dim>.pricePerUnit.USD.
    private static decimal? FirstPrice(JsonNode? reply, string unit)
    {
        foreach (var item in reply?["PriceList"]?.AsArray() ?? [])
        {
            var product = item?.GetValueKind() == JsonValueKind.String ? JsonNode.Parse(item.GetValue<string>()) : item;
            foreach (var term in product?["terms"]?["OnDemand"]?.AsObject() ?? [])
            {
                foreach (var dimension in term.Value?["priceDimensions"]?.AsObject() ?? [])
                {
                    if (dimension.Value?["unit"]?.GetValue<string>() == unit
                        && dimension.Value["pricePerUnit"]?["USD"]?.GetValue<string>() is { } usd
                        && decimal.TryParse(usd, NumberStyles.Float, CultureInfo.InvariantCulture, out var price)
                        && price > 0m)
                    {
                        return price;
                    }
                }
            }
        }

        return null;
    }
}
