using System.Globalization;

namespace Acode.Ec2Emulator.Lifecycle;

/// <summary>AWS's state-reason codes and messages, and the transition-reason text.</summary>
internal static class StateReasons
{
    public const string UserInitiated = "Client.UserInitiatedShutdown";
    public const string InstanceInitiated = "Client.InstanceInitiatedShutdown";
    public const string SpotTermination = "Server.SpotInstanceTermination";
    public const string SpotShutdown = "Server.SpotInstanceShutdown";

    public static string Message(string code) => code switch
    {
        UserInitiated => "Client.UserInitiatedShutdown: User initiated shutdown",
        InstanceInitiated => "Client.InstanceInitiatedShutdown: Instance initiated shutdown",
        SpotTermination => "Server.SpotInstanceTermination: Spot instance termination",
        SpotShutdown => "Server.SpotInstanceShutdown: Spot instance shutdown",
        _ => code,
    };

    /// <summary>The <c>reason</c> text after an API stop or terminate, e.g. <c>User initiated (2018-06-26 07:19:42 GMT)</c>.</summary>
    public static string UserInitiatedAt(DateTimeOffset at) =>
        $"User initiated ({at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} GMT)";

    public static string ServiceInitiatedAt(DateTimeOffset at) =>
        $"Service initiated ({at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} GMT)";
}
