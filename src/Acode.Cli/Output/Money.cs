using System.Globalization;
using Acode.Domain.Compute.Ec2.Cost;

namespace Acode.Cli.Output;

/// <summary>Dollar amounts for display: rounded by <see cref="Ec2CostBreakdown.RoundForDisplay"/>, invariant culture.</summary>
internal static class Money
{
    /// <summary>E.g. <c>$0.0416</c> or <c>$12.40</c>.</summary>
    public static string Format(decimal amount)
    {
        var rounded = Ec2CostBreakdown.RoundForDisplay(amount);
        return "$" + rounded.ToString(Math.Abs(rounded) >= 1m ? "0.00" : "0.0000", CultureInfo.InvariantCulture);
    }

    /// <summary>Text shown where no price is known: never $0, never a failure.</summary>
    public const string Unknown = "cost unknown";

    /// <summary>E.g. <c>cost $0.0416</c>, or <see cref="Unknown"/> for null.</summary>
    public static string Cost(decimal? amount) => amount is { } known ? "cost " + Format(known) : Unknown;

    /// <summary>A rate, e.g. <c>$0.0416/h</c>.</summary>
    public static string Hourly(decimal rate) => Format(rate) + "/h";
}
