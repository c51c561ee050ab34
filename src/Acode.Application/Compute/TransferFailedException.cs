using Acode.Domain;

namespace Acode.Application.Compute;

/// <summary>An upload or download failed: a missing source, a remote error, or a checksum mismatch.</summary>
public sealed class TransferFailedException : AcodeException
{
    public TransferFailedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
