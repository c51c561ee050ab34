using Acode.Domain;

namespace Acode.Application.Compute.Ec2;

/// <summary>The <c>ec2Target:</c> configuration has problems; <see cref="Errors"/> lists every one, each with its key path.</summary>
public sealed class Ec2ConfigurationException : AcodeException
{
    /// <summary>Creates the exception from the validator's (or loader's) problem lines.</summary>
    public Ec2ConfigurationException(IReadOnlyList<string> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>One line per problem: <c>ec2Target.&lt;key&gt;: &lt;problem&gt;, got &lt;value&gt;</c>.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string BuildMessage(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"The configuration has {errors.Count} problem(s); fix them in the config file (or the flags/environment that set them):"
            + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
