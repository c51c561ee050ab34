using Acode.Infrastructure.Compute.Ec2.Credentials;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>
/// Log messages of the EC2 building blocks (EventIds 2000-2999, kept apart from the project's <c>Log</c> class that
/// the SSH target owns). Structured fields only; no key material, secret key or session token ever goes in.
/// </summary>
internal static partial class Ec2Log
{
    [LoggerMessage(EventId = 2000, EventName = "AwsCredentialsResolved", Level = LogLevel.Information,
        Message = "AWS credentials resolved from {Source} ({Description}), region {Region}")]
    public static partial void CredentialsResolved(ILogger logger, AwsCredentialSource source, string description, string region);

    [LoggerMessage(EventId = 2001, EventName = "Ec2ClientCreated", Level = LogLevel.Debug,
        Message = "AWS {Service} client created for region {Region}, endpoint {Endpoint}")]
    public static partial void ClientCreated(ILogger logger, string service, string region, string endpoint);
}
