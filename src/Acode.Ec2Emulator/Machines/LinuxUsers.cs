using System.Collections.Concurrent;
using System.Diagnostics;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// Creates the AMI users (ec2-user, ubuntu) once per process when running as root. Several processes may run
/// <c>useradd</c> at once, so a locked <c>/etc/passwd</c> is retried and "already exists" counts as success.
/// </summary>
internal static class LinuxUsers
{
    private const int UserAlreadyExists = 9;
    private const int MaxAttempts = 20;
    private static readonly ConcurrentDictionary<string, Lazy<Task<LinuxAccount>>> Accounts = new();

    public static Task<LinuxAccount> EnsureAsync(string name, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        Accounts.GetOrAdd(name, n => new Lazy<Task<LinuxAccount>>(() => CreateAsync(n, timeProvider, CancellationToken.None)))
            .Value.WaitAsync(cancellationToken);

    /// <summary>The account of the current process, used when not running as root.</summary>
    public static LinuxAccount Current() =>
        LinuxAccount.Find(Environment.UserName) ?? throw new InvalidOperationException($"user {Environment.UserName} is not in /etc/passwd");

    private static async Task<LinuxAccount> CreateAsync(string name, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid Linux user name", nameof(name));
        }

        for (var attempt = 1; ; attempt++)
        {
            if (LinuxAccount.Find(name) is { } existing)
            {
                return existing;
            }

            var (exitCode, error) = await RunUserAddAsync(name, cancellationToken);
            if (exitCode == 0 || exitCode == UserAlreadyExists)
            {
                continue;
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"useradd {name} failed with exit code {exitCode}: {error.Trim()}");
            }

            // Another process holds the passwd lock; back off a little more each time.
            await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), timeProvider, cancellationToken);
        }
    }

    private static async Task<(int ExitCode, string Error)> RunUserAddAsync(string name, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("useradd") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-m", "-s", "/bin/bash", "-p", "*", name })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await error);
    }

    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= 32 && char.IsAsciiLetterLower(name[0]) &&
        name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');
}
