namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>How the orphan detector and lister behave; every value defaults to <see cref="Ec2OrphanDefaults"/>.</summary>
public sealed record Ec2OrphanOptions
{
    /// <summary>The age from which an acode instance is an orphan, when a call does not say (0 = every acode instance not in use).</summary>
    public TimeSpan Threshold { get; init; } = Ec2OrphanDefaults.Threshold;

    /// <summary>MaxResults of each paged describe call (5 to 1000).</summary>
    public int PageSize { get; init; } = Ec2OrphanDefaults.PageSize;

    /// <summary>How long a security group deletion retries <c>DependencyViolation</c>.</summary>
    public TimeSpan DependencyTimeout { get; init; } = Ec2OrphanDefaults.DependencyTimeout;

    /// <summary>The first backoff after <c>DependencyViolation</c>.</summary>
    public TimeSpan DependencyFirstBackoff { get; init; } = Ec2OrphanDefaults.DependencyFirstBackoff;

    /// <summary>The longest backoff after <c>DependencyViolation</c>.</summary>
    public TimeSpan DependencyMaxBackoff { get; init; } = Ec2OrphanDefaults.DependencyMaxBackoff;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (Threshold < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "The orphan threshold may not be negative.");
        }

        if (PageSize is < Ec2OrphanDefaults.MinPageSize or > Ec2OrphanDefaults.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, $"The page size must be between {Ec2OrphanDefaults.MinPageSize} and {Ec2OrphanDefaults.MaxPageSize}.");
        }

        if (DependencyTimeout < TimeSpan.Zero || DependencyFirstBackoff <= TimeSpan.Zero || DependencyMaxBackoff < DependencyFirstBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(DependencyTimeout), "The DependencyViolation timeout and backoffs must be positive, the first backoff not above the largest.");
        }
    }
}
