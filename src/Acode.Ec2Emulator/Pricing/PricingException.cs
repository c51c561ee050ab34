namespace Acode.Ec2Emulator.Pricing;

/// <summary>A Price List error: its JSON 1.1 <c>__type</c> and HTTP status.</summary>
internal sealed class PricingException(string code, string message, int status = 400) : Exception(message)
{
    public string Code { get; } = code;

    public int Status { get; } = status;
}
