using System.Globalization;
using Acode.Application.Compute.Ec2;

namespace Acode.Application.Configuration;

/// <summary>
/// Collects problem lines under a key path (<c>ec2Target.tags.owner</c>), so that a file with many mistakes reports
/// all of them at once. Reading problems name the line: <c>path: problem (line N), got "text"</c>; checks of a bound
/// value read <c>path: problem, got value</c>.
/// </summary>
public sealed class ConfigProblems
{
    private readonly List<string> _lines;

    /// <summary>Starts a collection whose paths begin with <paramref name="path"/> (a section name).</summary>
    public ConfigProblems(string path)
        : this(path, [])
    {
    }

    private ConfigProblems(string path, List<string> lines)
    {
        Path = path;
        _lines = lines;
    }

    /// <summary>The key path problems are reported under.</summary>
    public string Path { get; }

    /// <summary>Every problem so far, in the order found.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>The same collection under a deeper path: <c>.name</c> for a key, <c>[i]</c> when <paramref name="part"/> starts with '['.</summary>
    public ConfigProblems At(string part) =>
        new(Path.Length == 0 || part.StartsWith('[') ? Path + part : Path + "." + part, _lines);

    /// <summary>A value in the file that cannot be read.</summary>
    public void Unreadable(string problem, ConfigNode node) =>
        _lines.Add($"{Path}: {problem} (line {node.Line}), got \"{node.Shown}\"");

    /// <summary>A key the section does not know, with the nearest of <paramref name="known"/> when it looks like a typo.</summary>
    public void UnknownKey(ConfigEntry entry, IEnumerable<string> known)
    {
        var hint = DidYouMean.Closest(entry.Key, known);
        _lines.Add($"{At(entry.Key).Path}: is not a known key{(hint is null ? string.Empty : $" (did you mean {hint}?)")} (line {entry.Line}), got \"{entry.Value.Shown}\"");
    }

    /// <summary>A bound value that is not usable.</summary>
    public void Add(string problem, object? value) => _lines.Add($"{Path}: {problem}, got {Show(value)}");

    /// <summary>A problem that has no value to show.</summary>
    public void AddLine(string problem) => _lines.Add($"{Path}: {problem}");

    /// <summary>How a bound value reads in a problem line.</summary>
    public static string Show(object? value) => value switch
    {
        null => "nothing",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        TimeSpan t => DurationText.Format(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "nothing",
    };
}
