namespace Acode.Domain;

/// <summary>
/// The root of every error acode raises on purpose. Subclasses are named for the condition and carry the data a
/// caller needs to act (an AWS error code, an instance id, a mode); messages never contain secrets.
/// </summary>
public abstract class AcodeException : Exception
{
    protected AcodeException(string message)
        : base(message)
    {
    }

    protected AcodeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
