using Microsoft.Extensions.Logging;

namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>The cost tracker's log messages (the EC2 target's own are in Infrastructure's <c>Ec2Log</c>).</summary>
internal static partial class Ec2CostLog
{
    [LoggerMessage(EventId = 2681, EventName = "Ec2CostCheckFailed", Level = LogLevel.Warning,
        Message = "The periodic EC2 cost check failed; cost alerts and the ledger may lag, the run is unaffected")]
    public static partial void CheckFailed(ILogger logger, Exception exception);
}
