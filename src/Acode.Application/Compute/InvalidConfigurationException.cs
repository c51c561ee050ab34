using Acode.Domain;

namespace Acode.Application.Compute;

/// <summary>
/// A configuration is invalid. <see cref="Errors"/> lists every problem at once, each as <c>field: problem</c>
/// (e.g. <c>ec2Target.ebsSizeGb: must be between 8 and 16384, got -5</c>).
/// </summary>
public sealed class InvalidConfigurationException : AcodeException
{
    public InvalidConfigurationException(IReadOnlyList<string> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    public InvalidConfigurationException(string error)
        : this([error])
    {
    }

    /// <summary>Every problem found, each as <c>field: problem</c>.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string BuildMessage(IReadOnlyList<string> errors) =>
        errors.Count == 1
            ? $"Invalid configuration: {errors[0]}"
            : $"Invalid configuration ({errors.Count} problems):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors);
}
