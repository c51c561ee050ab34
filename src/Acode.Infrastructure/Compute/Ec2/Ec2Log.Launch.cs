using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>Log messages of image choice and capacity-aware launch (issue 13; EventIds 2900-2949).</summary>
internal static partial class Ec2Log
{
    [LoggerMessage(EventId = 2900, EventName = "Ec2ImageEndOfLife", Level = LogLevel.Warning,
        Message = "Target {TargetId}: {Warning}")]
    public static partial void ImageEndOfLife(ILogger logger, string targetId, string warning);
}
