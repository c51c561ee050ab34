using System.CommandLine;
using Acode.Application.Compute.Workspace;
using Acode.Cli.CommandLine;
using Acode.Cli.Errors;
using Acode.Infrastructure.Compute.Workspace;

namespace Acode.Cli.Commands;

/// <summary>
/// The workspace flags of <c>acode exec</c> (<c>--exclude</c>, <c>--include</c>, <c>--list-upload</c>) and the file set
/// they select, made before any target exists: a listing or an empty workspace stops before anything launches.
/// </summary>
internal sealed class ExecWorkspace
{
    public Option<string[]> Exclude { get; } = new("--exclude") { Description = "Leave out files matching PATTERN (gitignore syntax), over .gitignore and .acodeignore; repeat for several.", HelpName = "PATTERN" };

    public Option<string[]> Include { get; } = new("--include") { Description = "Send files matching PATTERN even if an ignore rule, the secret filter (.env*, *.pem, id_*, *.key, credentials) or the .git rule leaves them out; repeat for several.", HelpName = "PATTERN" };

    public Option<bool> ListUpload { get; } = new("--list-upload") { Description = "List the files that would be uploaded, with the total, and exit without preparing a target." };

    public void AddTo(Command command)
    {
        command.Options.Add(Exclude);
        command.Options.Add(Include);
        command.Options.Add(ListUpload);
    }

    /// <summary>The file set for <paramref name="folder"/>; says once which secret-looking files it left out.</summary>
    /// <exception cref="UsageException">The folder has files but the rules leave none to send.</exception>
    public async Task<WorkspaceFileSet> ScanAsync(CommandContext context, string folder, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        // The config file's patterns first, so a flag given for this run has the last word.
        var configured = context.Project.File.Upload;
        var rules = new WorkspaceRules
        {
            Excludes = [.. Patterns(context, "exclude", configured.Exclude), .. (parse.GetValue(Exclude) ?? []).Select(p => new WorkspacePattern(p, "--exclude"))],
            Includes = [.. Patterns(context, "include", configured.Include), .. (parse.GetValue(Include) ?? []).Select(p => new WorkspacePattern(p, "--include"))],
        };
        var set = await WorkspaceScanner.ScanAsync(folder, rules, cancellationToken);
        if (set.SecretsLeftOut.Count > 0)
        {
            await context.Host.Error.WriteLineAsync(
                $"acode: not uploading {set.SecretsLeftOut.Count} file(s) that look like secrets: {string.Join(", ", set.SecretsLeftOut)} (send one with --include PATTERN)");
        }

        // An empty folder is a fine place to run from; a folder whose every file the rules leave out is a mistake.
        FlagCheck.Require(
            set.FileCount > 0 || parse.GetValue(ListUpload) || !Directory.EnumerateFileSystemEntries(folder).Any(),
            "--upload",
            $"{folder} resolves to nothing to upload: its ignore rules ({string.Join(", ", IgnoreSources(folder))}) and --exclude leave no file. Point --upload at the project, or bring files back with --include PATTERN.");
        return set;
    }

    /// <summary>Prints the set, one path a line, then the total; the exit code of a listing.</summary>
    public static async Task<int> ListAsync(CommandContext context, WorkspaceFileSet set)
    {
        foreach (var entry in set.Entries)
        {
            await context.Out.WriteLineAsync(entry.Kind == WorkspaceEntryKind.SymbolicLink ? $"{entry.Path} -> {entry.LinkTarget}" : entry.Path);
        }

        await context.Out.WriteLineAsync($"{set.FileCount} file(s), {ExecPipeline.Bytes(set.TotalBytes)} would be uploaded from {set.Root} (selected by {set.Source})");
        return ExitCodes.Success;
    }

    private static IEnumerable<WorkspacePattern> Patterns(CommandContext context, string key, IReadOnlyList<string> patterns) =>
        patterns.Select((p, i) => new WorkspacePattern(p, $"{context.ConfigPath}: upload.{key}[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]"));

    private static IEnumerable<string> IgnoreSources(string folder)
    {
        var found = new[] { ".gitignore", WorkspaceScanner.AcodeIgnoreFileName }.Where(f => File.Exists(Path.Combine(folder, f))).ToList();
        return found.Count == 0 ? ["no ignore files"] : found;
    }
}
