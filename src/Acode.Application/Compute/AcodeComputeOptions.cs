namespace Acode.Application.Compute;

/// <summary>Inputs of <c>AddAcodeCompute</c>: where the operating mode comes from besides <c>ACODE_MODE</c>.</summary>
public sealed class AcodeComputeOptions
{
    /// <summary>The value of an explicit <c>--mode</c> flag; wins over everything.</summary>
    public string? ModeFlag { get; set; }

    /// <summary>The configuration file's <c>mode:</c> value; used when neither flag nor environment sets one.</summary>
    public string? ConfigMode { get; set; }

    /// <summary>Reads an environment variable; replaceable so tests need not touch the process environment.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;
}
