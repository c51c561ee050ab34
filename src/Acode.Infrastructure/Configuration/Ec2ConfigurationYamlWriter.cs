using System.Text.RegularExpressions;
using Acode.Application.Compute.Ec2;

namespace Acode.Infrastructure.Configuration;

/// <summary>
/// Writes an <see cref="Ec2Configuration"/> as the <c>ec2Target:</c> block (region and instance type always, other keys
/// only when they differ from the defaults, as <see cref="Ec2ConfigurationKeys"/> declares them) and splices that block
/// into a config file, leaving every other line, comment and section as it was. Used by <c>acode target add ec2</c>.
/// </summary>
public static partial class Ec2ConfigurationYamlWriter
{
    /// <summary>The block text, ending with a newline: the keys that differ from their defaults, emitted by YamlDotNet.</summary>
    public static string ToYaml(Ec2Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return YamlBlockEmitter.Emit(Ec2Defaults.SectionName, Ec2ConfigurationKeys.Table.ToPlain(configuration, onlyChanged: true));
    }

    /// <summary>Returns <paramref name="existingYaml"/> with its top-level <c>ec2Target:</c> block replaced (or appended).</summary>
    public static string ReplaceSection(string existingYaml, Ec2Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(existingYaml);
        var block = ToYaml(configuration).TrimEnd('\n').Split('\n');
        var lines = SplitLines(existingYaml);
        var (start, count) = FindSection(lines);
        if (start < 0)
        {
            if (lines.Count > 0 && lines[^1].Trim().Length > 0)
            {
                lines.Add(string.Empty);
            }

            lines.AddRange(block);
        }
        else
        {
            lines.RemoveRange(start, count);
            lines.InsertRange(start, block);
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// Returns <paramref name="existingYaml"/> without its top-level <c>ec2Target:</c> block, or null when it has none.
    /// Works on text, so an invalid block can be removed too.
    /// </summary>
    public static string? RemoveSection(string existingYaml)
    {
        ArgumentNullException.ThrowIfNull(existingYaml);
        var lines = SplitLines(existingYaml);
        var (start, count) = FindSection(lines);
        if (start < 0)
        {
            return null;
        }

        lines.RemoveRange(start, count);
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines.Count == 0 ? string.Empty : string.Join('\n', lines) + "\n";
    }

    /// <summary>Writes the block into the file at <paramref name="path"/> (created with its folder if missing), atomically.</summary>
    public static void UpdateFile(string path, Ec2Configuration configuration)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var existing = File.Exists(full) ? File.ReadAllText(full) : string.Empty;
        WriteAtomically(full, ReplaceSection(existing, configuration));
    }

    /// <summary>Removes the <c>ec2Target:</c> block from the file, atomically; false when the file or the block is absent.</summary>
    public static bool RemoveFromFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full) || RemoveSection(File.ReadAllText(full)) is not { } remaining)
        {
            return false;
        }

        WriteAtomically(full, remaining);
        return true;
    }

    // Write beside the target and rename over it, so a crash never leaves a half-written config.
    private static void WriteAtomically(string fullPath, string text)
    {
        var temp = fullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static List<string> SplitLines(string yaml)
    {
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    // The block runs from its "ec2Target:" line to its last indented line; comments and blank lines after it stay.
    private static (int Start, int Count) FindSection(List<string> lines)
    {
        var start = lines.FindIndex(l => SectionStart().IsMatch(l));
        if (start < 0)
        {
            return (-1, 0);
        }

        var last = start;
        for (var i = start + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                last = line.Trim().Length > 0 ? i : last;
            }
            else if (line.Trim().Length > 0 && !line.StartsWith('#'))
            {
                break;
            }
        }

        return (start, last - start + 1);
    }

    [GeneratedRegex(@"^ec2Target\s*:")]
    private static partial Regex SectionStart();
}
