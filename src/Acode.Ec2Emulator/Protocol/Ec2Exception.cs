namespace Acode.Ec2Emulator.Protocol;

/// <summary>An error reply in AWS's shape: its code, message and the HTTP status AWS answers with.</summary>
internal sealed class Ec2Exception(string code, string message, int status = 400) : Exception(message)
{
    /// <summary>AWS's error code, e.g. <c>InvalidInstanceID.NotFound</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The HTTP status code AWS uses for <see cref="Code"/>.</summary>
    public int Status { get; } = status;

    public static Ec2Exception Missing(string parameter) =>
        new("MissingParameter", $"The request must contain the parameter {parameter}");

    public static Ec2Exception InvalidValue(string parameter, string? value, string? why = null) =>
        new("InvalidParameterValue", $"Invalid value '{value}' for {parameter}.{(why is null ? string.Empty : " " + why)}");
}
