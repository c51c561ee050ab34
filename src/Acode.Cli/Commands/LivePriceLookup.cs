using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Cli.CommandLine;
using Acode.Domain.Compute;
using Acode.Infrastructure.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Credentials;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Acode.Cli.Commands;

/// <summary>
/// For commands that need a price to decide (<c>cost</c>): what the offline catalogue lacks is looked up live in the
/// AWS Price List, only in burst mode (the one that may reach AWS) and with the account's credentials. Anything still
/// unknown makes the calculator refuse with <see cref="Ec2PriceUnknownException"/>, before anything is launched.
/// </summary>
internal static class LivePriceLookup
{
    public static async Task<Ec2CostRequest> FillAsync(CommandContext context, Ec2Configuration configuration, Ec2CostRequest request, CancellationToken cancellationToken)
    {
        if (Ec2CostCalculator.IsPriced(request) || context.Services.GetRequiredService<IModeValidator>().CurrentMode != OperatingMode.Burst)
        {
            return request;
        }

        var dependencies = context.Services.GetRequiredService<Ec2TargetDependencies>();
        ResolvedAwsCredentials credentials;
        try
        {
            credentials = dependencies.ExplicitCredentials
                ?? await dependencies.CredentialResolver.ResolveAsync(configuration.Profile, configuration.Region, cancellationToken);
        }
        catch (AwsCredentialsNotFoundException)
        {
            return request;
        }

        using var prices = new AwsPriceListClient(
            credentials.Credentials, configuration.PricingEndpointUrl ?? configuration.EndpointUrl, context.Host.Time,
            logger: context.Services.GetService<ILogger<AwsPriceListClient>>());
        return await Ec2ListPrices.FillAsync(request, prices, cancellationToken);
    }
}
