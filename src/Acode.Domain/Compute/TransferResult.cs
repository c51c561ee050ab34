namespace Acode.Domain.Compute;

/// <summary>The outcome of an upload or download.</summary>
/// <param name="Bytes">Bytes of file content moved.</param>
/// <param name="Files">Number of regular files moved.</param>
/// <param name="Duration">Wall-clock time of the transfer, verification included.</param>
/// <param name="Verified">True when SHA-256 checksums were compared on both sides and matched.</param>
public sealed record TransferResult(long Bytes, int Files, TimeSpan Duration, bool Verified)
{
    /// <summary>Average throughput in bytes per second (0 for an instant transfer).</summary>
    public double BytesPerSecond => Duration > TimeSpan.Zero ? Bytes / Duration.TotalSeconds : 0;
}
