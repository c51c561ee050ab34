namespace Acode.Application.Compute.Workspace;

/// <summary>
/// What decides a workspace's file set besides the project's own ignore files (<c>.gitignore</c>,
/// <c>.git/info/exclude</c>, <c>.acodeignore</c>): extra patterns from the command line or the config file, in
/// gitignore syntax.
/// </summary>
public sealed record WorkspaceRules
{
    /// <summary>Patterns to leave out, each as a line of a gitignore file, with where it came from.</summary>
    public IReadOnlyList<WorkspacePattern> Excludes { get; init; } = [];

    /// <summary>Patterns forced back in over every other rule (ignore files, secrets, <c>.git/</c>).</summary>
    public IReadOnlyList<WorkspacePattern> Includes { get; init; } = [];

    /// <summary>False sends the whole folder (but never follows a link out of it).</summary>
    public bool UseIgnoreRules { get; init; } = true;
}

/// <summary>A pattern and where it was written, so a bad one can be named (<c>--exclude</c>, a config key).</summary>
/// <param name="Pattern">Gitignore syntax.</param>
/// <param name="Origin">The flag or key it came from.</param>
public sealed record WorkspacePattern(string Pattern, string Origin);
