namespace Acode.Ec2Emulator.Ssm;

/// <summary>An SSM JSON-protocol error: <c>{"__type": Code, "message": ...}</c> with HTTP 400.</summary>
internal sealed class SsmException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
