using System.Globalization;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Infrastructure.Compute.Ec2.Pricing;

/// <summary>
/// Live prices for <see cref="Ec2CostTracker"/> (FR-054, FR-056): the latest Linux spot price of a type in an AZ
/// (the latest point of DescribeSpotPriceHistory over the last hour, which includes the price in force an hour ago) and the account's reserved
/// instances (DescribeReservedInstances) as the records the calculator matches. Results are cached for
/// <c>cacheDuration</c>. When EC2 refuses or fails, the answer is "not known live" (null / none): the calculator then
/// uses the offline catalogue and states that assumption in the figure, and a warning is logged.
/// One source serves the region of its client.
/// </summary>
public sealed class AwsEc2PriceSource : IEc2PriceSource
{
    /// <summary>How long a looked-up price or reservation list is reused.</summary>
    public static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromMinutes(10);

    // A start in the recent past: AWS returns the price in force then plus every change since, and a client clock a
    // little ahead of AWS's never asks for the future. The latest point per AZ is the current price.
    private static readonly TimeSpan HistoryLookBack = TimeSpan.FromHours(1);

    private static readonly List<string> LinuxProducts = ["Linux/UNIX", "Linux/UNIX (Amazon VPC)"];

    private readonly IAmazonEC2 _ec2;
    private readonly string _region;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ExpiringCache<(string Type, string Zone), decimal?> _spot;
    private readonly ExpiringCache<string, IReadOnlyList<Ec2ReservedInstance>> _reservations;

    /// <summary>Creates the source.</summary>
    /// <param name="ec2">The EC2 client of <paramref name="region"/> (owned by the caller).</param>
    /// <param name="region">The client's region.</param>
    /// <param name="timeProvider">The clock of the cache and of "now" in price queries.</param>
    /// <param name="cacheDuration">How long answers are reused; <see cref="DefaultCacheDuration"/> when null.</param>
    /// <param name="logger">The logger.</param>
    public AwsEc2PriceSource(IAmazonEC2 ec2, string region, TimeProvider timeProvider, TimeSpan? cacheDuration = null, ILogger<AwsEc2PriceSource>? logger = null)
    {
        _ec2 = ec2 ?? throw new ArgumentNullException(nameof(ec2));
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _spot = new(_time, cacheDuration ?? DefaultCacheDuration);
        _reservations = new(_time, cacheDuration ?? DefaultCacheDuration);
    }

    /// <inheritdoc />
    public Task<decimal?> GetSpotPriceAsync(string instanceType, string region, string? availabilityZone, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceType);
        if (region != _region)
        {
            Ec2Log.LivePriceUnavailable(_logger, "spot price", region, $"this price source serves {_region}");
            return Task.FromResult<decimal?>(null);
        }

        return _spot.GetOrAddAsync((instanceType, availabilityZone ?? string.Empty), ct => LookUpSpotAsync(instanceType, availabilityZone, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Ec2ReservedInstance>> GetReservedInstancesAsync(string region, CancellationToken cancellationToken = default)
    {
        if (region != _region)
        {
            Ec2Log.LivePriceUnavailable(_logger, "reserved instances", region, $"this price source serves {_region}");
            return Task.FromResult<IReadOnlyList<Ec2ReservedInstance>>([]);
        }

        return _reservations.GetOrAddAsync(region, LookUpReservationsAsync, cancellationToken);
    }

    private async Task<decimal?> LookUpSpotAsync(string instanceType, string? availabilityZone, CancellationToken cancellationToken)
    {
        var request = new DescribeSpotPriceHistoryRequest
        {
            InstanceTypes = [instanceType],
            ProductDescriptions = LinuxProducts,
            AvailabilityZone = availabilityZone,
            StartTime = (_time.GetUtcNow() - HistoryLookBack).UtcDateTime,
        };
        try
        {
            var latestByZone = new Dictionary<string, (decimal Price, DateTime Timestamp)>(StringComparer.Ordinal);
            await foreach (var point in _ec2.Paginators.DescribeSpotPriceHistory(request).SpotPriceHistory.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (point.AvailabilityZone is not { } zone || !decimal.TryParse(point.Price, NumberStyles.Number, CultureInfo.InvariantCulture, out var price))
                {
                    continue;
                }

                var at = point.Timestamp ?? DateTime.MinValue;
                if (!latestByZone.TryGetValue(zone, out var seen) || at > seen.Timestamp)
                {
                    latestByZone[zone] = (price, at);
                }
            }

            if (latestByZone.Count == 0)
            {
                Ec2Log.LivePriceUnavailable(_logger, $"spot price of {instanceType}", availabilityZone ?? _region, "EC2 has no spot price history for it");
                return null;
            }

            var (bestZone, best) = latestByZone.MinBy(z => z.Value.Price);
            Ec2Log.SpotPriceLoaded(_logger, instanceType, availabilityZone ?? bestZone, best.Price, new DateTimeOffset(DateTime.SpecifyKind(best.Timestamp, DateTimeKind.Utc)));
            return best.Price;
        }
        catch (Exception e) when (IsLookupFailure(e, cancellationToken))
        {
            Ec2Log.LivePriceUnavailable(_logger, $"spot price of {instanceType}", availabilityZone ?? _region, Describe(e));
            return null;
        }
    }

    private async Task<IReadOnlyList<Ec2ReservedInstance>> LookUpReservationsAsync(CancellationToken cancellationToken)
    {
        try
        {
            // DescribeReservedInstances is not paginated: one call returns them all.
            var response = await _ec2.DescribeReservedInstancesAsync(new DescribeReservedInstancesRequest(), cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            return (response.ReservedInstances ?? []).Select(ri => Map(ri, now)).ToList();
        }
        catch (Exception e) when (IsLookupFailure(e, cancellationToken))
        {
            Ec2Log.LivePriceUnavailable(_logger, "reserved instances", _region, Describe(e));
            return [];
        }
    }

    private Ec2ReservedInstance Map(ReservedInstances ri, DateTimeOffset now)
    {
        var recurring = (ri.RecurringCharges ?? []).Where(c => c.Frequency == RecurringChargeFrequency.Hourly).Sum(c => Decimal(c.Amount));
        var regional = ri.Scope == Scope.Region || string.IsNullOrEmpty(ri.AvailabilityZone);
        var expired = ri.End is { } end && new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)) <= now;
        return new Ec2ReservedInstance
        {
            ReservedInstancesId = ri.ReservedInstancesId ?? "unknown",
            InstanceType = ri.InstanceType?.Value ?? string.Empty,
            Region = _region,
            AvailabilityZone = regional ? null : ri.AvailabilityZone,
            Platform = Platform(ri.ProductDescription?.Value),
            InstanceCount = ri.InstanceCount ?? 1,
            IsActive = ri.State == ReservedInstanceState.Active && !expired,
            EffectiveHourlyRate = Ec2ReservedInstance.EffectiveRate(Decimal(ri.FixedPrice), ri.Duration ?? 0, Decimal(ri.UsagePrice) + recurring),
        };
    }

    // The VPC variant of a product description bills as the plain platform.
    private static string Platform(string? productDescription) =>
        productDescription?.Replace(" (Amazon VPC)", string.Empty, StringComparison.Ordinal) ?? Ec2Platforms.LinuxUnix;

    // Prices come as float/double: go through the shortest round-trip text so 0.05f is 0.05, not 0.0500000007.
    private static decimal Decimal(float? value) => value is { } v ? decimal.Parse(v.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture) : 0m;

    private static decimal Decimal(double? value) => value is { } v ? decimal.Parse(v.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture) : 0m;

    private static bool IsLookupFailure(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is AmazonServiceException or AmazonClientException or HttpRequestException or OperationCanceledException;

    private static string Describe(Exception e) => e is AmazonServiceException s ? $"{s.ErrorCode}: {s.Message}" : $"{e.GetType().Name}: {e.Message}";
}
