using Acode.Application.Compute.Ec2.Cost;
using Acode.Infrastructure.Compute.Ec2.Network;

namespace Acode.Cli.Hosting;

/// <summary>
/// The user's cost ledger as the CLI's runs write it: a run against an endpoint on this machine (a standalone
/// emulator reached with <c>--endpoint-url</c> or <c>endpointUrl:</c>) spends nothing, so it records nothing; the
/// in-process emulator (<c>--emulator</c>) gets no ledger at all. Reading is unchanged.
/// </summary>
internal sealed class RealSpendCostLedger(IEc2CostLedger ledger, Func<Uri?> endpoint) : IEc2CostLedger
{
    /// <inheritdoc />
    public Task RecordAsync(IReadOnlyList<Ec2CostRecord> records, CancellationToken cancellationToken = default) =>
        Ec2LocalEndpoint.IsLocal(endpoint()) ? Task.CompletedTask : ledger.RecordAsync(records, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Ec2CostRecord>> ReadAllAsync(CancellationToken cancellationToken = default) => ledger.ReadAllAsync(cancellationToken);
}
