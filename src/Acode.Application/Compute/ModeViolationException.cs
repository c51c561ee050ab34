using Acode.Domain;
using Acode.Domain.Compute;

namespace Acode.Application.Compute;

/// <summary>An operation is forbidden in the current operating mode (e.g. a cloud target outside burst mode).</summary>
public sealed class ModeViolationException : AcodeException
{
    public ModeViolationException(OperatingMode mode, string message)
        : base(message)
    {
        Mode = mode;
    }

    /// <summary>The operating mode that forbade the operation.</summary>
    public OperatingMode Mode { get; }
}
