using System.Globalization;
using Acode.Application.Compute.Ec2.Spot;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Infrastructure.Compute.Ec2.Spot;

/// <summary>
/// Builds RunInstances' <c>InstanceMarketOptions</c> in one place (FR-049/050): a one-time spot request that
/// terminates on interruption (so an interrupted instance stops billing and nothing is left stopped), with the
/// attempt's max price; nothing for on-demand.
/// </summary>
public static class Ec2SpotMarketOptions
{
    /// <summary>The market options for <paramref name="attempt"/>; null for on-demand (EC2's default market).</summary>
    public static InstanceMarketOptionsRequest? For(LaunchAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (!attempt.IsSpot)
        {
            return null;
        }

        return new InstanceMarketOptionsRequest
        {
            MarketType = MarketType.Spot,
            SpotOptions = new SpotMarketOptions
            {
                SpotInstanceType = SpotInstanceType.OneTime,
                InstanceInterruptionBehavior = InstanceInterruptionBehavior.Terminate,
                MaxPrice = attempt.SpotMaxPrice?.ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>Sets the attempt's instance type, market options and (given the launch's token) ClientToken on a request the provisioner built.</summary>
    /// <param name="request">The RunInstances request.</param>
    /// <param name="attempt">The attempt.</param>
    /// <param name="launchToken">The launch's idempotency token; each attempt gets its own derived token (<see cref="LaunchAttempt.ClientToken"/>). Null leaves ClientToken as it is.</param>
    public static RunInstancesRequest Apply(RunInstancesRequest request, LaunchAttempt attempt, string? launchToken = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(attempt);
        request.InstanceType = InstanceType.FindValue(attempt.InstanceType);
        request.InstanceMarketOptions = For(attempt);
        if (launchToken is not null)
        {
            request.ClientToken = attempt.ClientToken(launchToken);
        }

        return request;
    }
}
