using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ssh;

namespace Acode.Infrastructure.Configuration;

/// <summary>The parts of <c>.acode/config.yml</c> acode binds: the operating mode (passed on as text), the EC2 target, the SSH target and the upload patterns.</summary>
public sealed record AcodeConfigFile
{
    /// <summary>The default path of the project configuration file, relative to the project root.</summary>
    public const string DefaultRelativePath = ".acode/config.yml";

    /// <summary>The top-level <c>mode:</c> value as written (e.g. <c>burst</c>); parsing it is the mode code's job.</summary>
    public string? Mode { get; init; }

    /// <summary>The <c>ec2Target:</c> block with environment overrides applied and validated; null when absent.</summary>
    public Ec2Configuration? Ec2Target { get; init; }

    /// <summary>The <c>sshTarget:</c> block, validated; null when absent.</summary>
    public SshTargetConfiguration? SshTarget { get; init; }

    /// <summary>The <c>sshTarget:</c> block as written (file key names, for listing); null when absent or invalid.</summary>
    public SshTargetSection? SshTargetSection { get; init; }

    /// <summary>The <c>upload:</c> block (which files an upload sends); empty when absent.</summary>
    public UploadConfiguration Upload { get; init; } = new();
}
