using Acode.Application.Compute.Ec2;

namespace Acode.Infrastructure.Configuration;

/// <summary>The parts of <c>.acode/config.yml</c> acode binds: the operating mode (passed on as text) and the EC2 target.</summary>
public sealed record AcodeConfigFile
{
    /// <summary>The default path of the project configuration file, relative to the project root.</summary>
    public const string DefaultRelativePath = ".acode/config.yml";

    /// <summary>The top-level <c>mode:</c> value as written (e.g. <c>burst</c>); parsing it is the mode code's job.</summary>
    public string? Mode { get; init; }

    /// <summary>The <c>ec2Target:</c> block with environment overrides applied and validated; null when absent.</summary>
    public Ec2Configuration? Ec2Target { get; init; }
}
