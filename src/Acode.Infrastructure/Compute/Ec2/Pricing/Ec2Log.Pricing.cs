using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>Log messages of the live Price List lookup (EventIds 2670-2679).</summary>
internal static partial class Ec2Log
{
    [LoggerMessage(EventId = 2670, EventName = "Ec2ListPriceLoaded", Level = LogLevel.Debug,
        Message = "List price of {What} in {Region}: {Price} USD per {Unit} (AWS Price List)")]
    public static partial void ListPriceLoaded(ILogger logger, string what, string region, decimal price, string unit);

    [LoggerMessage(EventId = 2671, EventName = "Ec2ListPriceUnknown", Level = LogLevel.Warning,
        Message = "No list price of {What} in {Region} ({Reason}): its cost is shown as unknown")]
    public static partial void ListPriceUnknown(ILogger logger, string what, string region, string reason);
}
