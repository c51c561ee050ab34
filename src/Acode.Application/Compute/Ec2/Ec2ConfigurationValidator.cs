using Acode.Application.Configuration;

namespace Acode.Application.Compute.Ec2;

/// <summary>
/// Checks an <see cref="Ec2Configuration"/> and returns every problem at once (spec UT-001), one line each:
/// <c>ec2Target.&lt;yaml key&gt;: &lt;problem&gt;, got &lt;value&gt;</c>. The checks are declared per key in
/// <see cref="Ec2ConfigurationKeys"/>.
/// </summary>
public static class Ec2ConfigurationValidator
{
    /// <summary>AWS's limit on raw user data (16 KB before base64).</summary>
    public const int MaxUserDataBytes = Ec2ConfigurationChecks.MaxUserDataBytes;

    /// <summary>Returns every problem, or an empty list when the configuration is usable.</summary>
    public static IReadOnlyList<string> Validate(Ec2Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new ConfigProblems(Ec2Defaults.SectionName);
        Ec2ConfigurationKeys.Table.Validate(configuration, problems);
        return problems.Lines;
    }

    /// <summary>Throws <see cref="Ec2ConfigurationException"/> listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(Ec2Configuration configuration)
    {
        var problems = Validate(configuration);
        if (problems.Count > 0)
        {
            throw new Ec2ConfigurationException(problems);
        }
    }

    /// <summary>Formats one problem line; used by the AWS-side checks too so that every line reads the same.</summary>
    public static string Problem(string key, string problem, object? value) =>
        $"{Ec2Defaults.SectionName}.{key}: {problem}, got {ConfigProblems.Show(value)}";
}
