namespace Acode.Application.Compute;

/// <summary>Options for an upload or download.</summary>
public sealed record TransferOptions
{
    /// <summary>Compare SHA-256 checksums of every file on both sides after the transfer.</summary>
    public bool VerifyChecksum { get; init; }

    /// <summary>Keep Unix file modes (permission bits). On by default.</summary>
    public bool PreserveModes { get; init; } = true;
}
