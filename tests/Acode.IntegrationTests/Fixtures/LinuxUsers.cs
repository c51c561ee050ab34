namespace Acode.IntegrationTests.Fixtures;

/// <summary>
/// Creates the non-root login users tests connect as (a clean bash shell and a usable password field <c>*</c>,
/// which <c>UsePAM no</c> needs even for key login). Parallel runs may race on /etc/passwd: retried.
/// </summary>
public static class LinuxUsers
{
    /// <summary>The default test user.</summary>
    public const string TestUser = "acode-test";

    /// <summary>Creates <paramref name="name"/> unless it exists; returns its home folder.</summary>
    public static async Task<string> EnsureUserAsync(string name = TestUser, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = HomeOf(name);
            if (existing is not null)
            {
                return existing;
            }

            var (code, _, stderr) = await ProcessRunner.RunAsync("useradd", ["-m", "-s", "/bin/bash", "-p", "*", name], cancellationToken).ConfigureAwait(false);
            if (code == 0 || stderr.Contains("already exists", StringComparison.Ordinal))
            {
                continue;
            }

            if (attempt >= 20)
            {
                throw new InvalidOperationException($"useradd {name} failed: {stderr.Trim()}");
            }

            // "cannot lock /etc/passwd" while another run edits it: back off a little and try again.
            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The home folder of a user from /etc/passwd, or null when there is no such user.</summary>
    public static string? HomeOf(string name) =>
        File.ReadLines("/etc/passwd")
            .Select(line => line.Split(':'))
            .Where(fields => fields.Length >= 7 && fields[0] == name)
            .Select(fields => fields[5])
            .FirstOrDefault();
}
