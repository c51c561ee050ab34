namespace Acode.Application.Compute.Ec2.Cost;

/// <summary>Where accrued cost per instance is kept between processes (FR-059); the file store lives in Infrastructure.</summary>
public interface IEc2CostLedger
{
    /// <summary>Adds or replaces the records of these instances. Failing to write is reported, never thrown at the caller's run.</summary>
    Task RecordAsync(IReadOnlyList<Ec2CostRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Every record kept, newest launch first.</summary>
    Task<IReadOnlyList<Ec2CostRecord>> ReadAllAsync(CancellationToken cancellationToken = default);
}
