using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Infrastructure.Compute.Ec2.Credentials;
using Acode.Infrastructure.Compute.Ec2.Metrics;
using Acode.Infrastructure.Compute.Ec2.Network;
using Acode.Infrastructure.Compute.Ec2.Orphans;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>
/// The services an <see cref="Ec2ComputeTarget"/> uses; one set is shared by every target of a process. A record, so a
/// host changes the few it needs with <c>with</c>.
/// </summary>
public sealed record Ec2TargetDependencies
{
    /// <summary>Gets the mode rules, checked before any AWS client exists.</summary>
    public required IModeValidator ModeValidator { get; init; }

    /// <summary>Gets where lifecycle events go.</summary>
    public IEventPublisher Events { get; init; } = new InMemoryEventPublisher();

    /// <summary>
    /// Gets credentials to use as they are instead of resolving them (e.g. from a host's own secret store); null, the
    /// default, resolves them through <see cref="CredentialResolver"/> when a target prepares.
    /// </summary>
    public ResolvedAwsCredentials? ExplicitCredentials { get; init; }

    /// <summary>Gets the credential resolver.</summary>
    public Ec2CredentialResolver CredentialResolver { get; init; } = new();

    /// <summary>Gets the AWS client factory.</summary>
    public Ec2ClientFactory ClientFactory { get; init; } = new();

    /// <summary>Gets how the caller's address is learned for a temporary security group.</summary>
    public Ec2CallerAddress CallerAddress { get; init; } = new();

    /// <summary>
    /// Gets the local session registry the orphan sweep consults: a target registers its session before creating
    /// anything, heartbeats it while it lives and removes it after teardown. Null = not recorded.
    /// </summary>
    public Ec2SessionRegistry? Sessions { get; init; }

    /// <summary>
    /// Gets where each instance's accrued cost is kept for a later <c>list</c> (<c>Ec2CostLedgerFile</c>, registered by
    /// <c>AddAcodeEc2Target</c>); null = memory only, which is what tests that do not ask for a ledger get. A run whose
    /// endpoint is on this machine (the emulator) never writes it: it spends nothing.
    /// </summary>
    public IEc2CostLedger? CostLedger { get; init; }

    /// <summary>
    /// Gets where prices the offline catalogue lacks are looked up; null, the default, asks the AWS Price List
    /// (<c>GetProducts</c>) at the configured pricing or EC2 endpoint.
    /// </summary>
    public IEc2ListPriceSource? ListPrices { get; init; }

    /// <summary>Gets how a spot instance is watched for interruption (poll interval, probe timeout); null = every 5 s.</summary>
    public Spot.SpotInterruptionWatcherOptions? SpotWatch { get; init; }

    /// <summary>Gets the metrics (meter <c>Acode.Compute.Ec2</c>).</summary>
    public Ec2Metrics Metrics { get; init; } = new();

    /// <summary>Gets the clock of every wait, timer and timestamp.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the logger factory.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
