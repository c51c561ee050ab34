namespace Acode.Cli;

/// <summary>
/// Every exit code <c>acode</c> returns, in one place (the table in docs/cli.md is this list). Every command, <c>exec</c>
/// included, fails with these codes; <c>acode exec</c> otherwise returns the remote command's own exit code, and its
/// last line on standard error says which of the two it was ("remote command exited 2" or "acode failed (exit 2)").
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>Anything not listed below: a feature not available in this build, nothing matched, an unexpected error.</summary>
    public const int Failure = 1;

    /// <summary>Bad flags or arguments (parse errors too) or invalid configuration; nothing was sent anywhere.</summary>
    public const int Usage = 2;

    /// <summary>The operating mode forbids the operation (a cloud target outside burst mode).</summary>
    public const int ModeViolation = 3;

    /// <summary>No usable AWS credentials, or AWS refused them.</summary>
    public const int Credentials = 4;

    /// <summary>EC2 could not launch the instance: no capacity, a quota, or another launch error.</summary>
    public const int CapacityOrLaunch = 5;

    /// <summary>A wait timed out: provisioning, SSH readiness.</summary>
    public const int Timeout = 6;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT), after tearing down what the command started.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (128 + SIGTERM), after tearing down what the command started.</summary>
    public const int Terminated = 143;

    /// <summary>The codes with their meaning, in documentation order.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Documented { get; } =
    [
        (Success, "success"),
        (Failure, "other failure (feature not available in this build, nothing matched, unexpected error)"),
        (Usage, "usage or configuration error (bad flag, bad value, invalid .acode/config.yml)"),
        (ModeViolation, "mode violation: the operating mode forbids it (use --mode burst or mode: burst)"),
        (Credentials, "AWS credentials missing or refused"),
        (CapacityOrLaunch, "EC2 capacity or launch failure"),
        (Timeout, "timeout (provisioning, SSH readiness)"),
        (Interrupted, "interrupted by Ctrl-C (SIGINT), after teardown; a second Ctrl-C leaves at once and names what may remain"),
        (Terminated, "stopped by SIGTERM, after teardown"),
    ];
}
