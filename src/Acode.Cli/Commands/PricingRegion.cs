using Acode.Application.Compute.Ec2;
using Acode.Cli.CommandLine;

namespace Acode.Cli.Commands;

/// <summary>
/// The configuration used for offline pricing: the one in force (file &lt; environment &lt; flags), with us-east-1 when no
/// region is set anywhere, since a price question should not need an AWS setup.
/// </summary>
internal static class PricingRegion
{
    public const string Default = "us-east-1";

    /// <summary>The configuration with <paramref name="overlay"/> applied; <paramref name="defaulted"/> says the region was assumed.</summary>
    public static Ec2Configuration Resolve(CommandContext context, Func<Ec2Configuration, Ec2Configuration> overlay, out bool defaulted)
    {
        var assumed = false;
        var configuration = context.BuildEc2Configuration(c =>
        {
            if (string.IsNullOrWhiteSpace(c.Region))
            {
                assumed = true;
                c = c with { Region = Default };
            }

            return overlay(c);
        });
        defaulted = assumed;
        return configuration;
    }
}
