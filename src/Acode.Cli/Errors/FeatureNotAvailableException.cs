using Acode.Domain;

namespace Acode.Cli.Errors;

/// <summary>
/// The command parsed and passed its checks, but the service that does the work is not part of this build yet.
/// Exit code 1. Nothing was sent anywhere.
/// </summary>
public sealed class FeatureNotAvailableException : AcodeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="command">The command, e.g. <c>acode target ec2 list</c>.</param>
    /// <param name="service">The missing service, e.g. <c>IEc2InstanceManager</c>.</param>
    public FeatureNotAvailableException(string command, string service)
        : base($"'{command}' is not available in this build: it needs {service}, which comes with the EC2 target. Nothing was sent to AWS.")
    {
        Command = command;
        Service = service;
    }

    /// <summary>The command asked for.</summary>
    public string Command { get; }

    /// <summary>The missing service.</summary>
    public string Service { get; }
}
