using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Acode.IntegrationTests.Fixtures;

/// <summary>
/// A real OpenSSH sshd on a random loopback address and port with its own host key, config and PidFile, public-key
/// login only, for one non-root user. Stopped by PID (with its session processes) on dispose. Reusable by any
/// test or benchmark: <see cref="StartAsync"/>, then connect as <see cref="User"/> with <see cref="ClientKeys"/>.
/// </summary>
public sealed class SshServer : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);
    private readonly string _configPath;
    private Process? _process;

    private SshServer(string folder, string user, string home, SshKeys hostKeys, SshKeys clientKeys)
    {
        Folder = folder;
        User = user;
        Home = home;
        HostKeys = hostKeys;
        ClientKeys = clientKeys;
        _configPath = Path.Combine(folder, "sshd_config");
    }

    /// <summary>The server's private folder (config, keys, logs).</summary>
    public string Folder { get; }

    /// <summary>The login user.</summary>
    public string User { get; }

    /// <summary>The user's home folder.</summary>
    public string Home { get; }

    /// <summary>The server's host key; <see cref="SshKeys.Fingerprint"/> is what clients should expect.</summary>
    public SshKeys HostKeys { get; }

    /// <summary>The key authorised for <see cref="User"/>.</summary>
    public SshKeys ClientKeys { get; }

    /// <summary>The loopback address sshd listens on.</summary>
    public string Host { get; private set; } = string.Empty;

    /// <summary>The port sshd listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The sshd log (stderr with <c>-e</c>), for diagnosing failures.</summary>
    public string LogPath => Path.Combine(Folder, "sshd.log");

    /// <summary>Creates the user if needed, generates keys, writes the config and starts sshd.</summary>
    public static async Task<SshServer> StartAsync(string user = LinuxUsers.TestUser, CancellationToken cancellationToken = default)
    {
        var home = await LinuxUsers.EnsureUserAsync(user, cancellationToken).ConfigureAwait(false);
        var folder = Directory.CreateTempSubdirectory("acode-sshd-").FullName;

        // sshd reads authorized_keys as the user, so the folder must be traversable by it.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("sshd fixtures need Linux");
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var hostKeys = await SshKeys.GenerateAsync(folder, "host_ed25519", cancellationToken: cancellationToken).ConfigureAwait(false);
        var clientKeys = await SshKeys.GenerateAsync(folder, "client_ed25519", cancellationToken: cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "authorized_keys"), clientKeys.PublicKey + "\n", cancellationToken).ConfigureAwait(false);

        var server = new SshServer(folder, user, home, hostKeys, clientKeys);
        try
        {
            await server.StartOnFreeEndpointAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Authorises one more public key for <see cref="User"/>.</summary>
    public Task AuthorizeAsync(string publicKey) => File.AppendAllTextAsync(Path.Combine(Folder, "authorized_keys"), publicKey + "\n");

    /// <summary>Kills sshd and every session it serves, then starts it again on the same address and port.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync().ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            // The old listener's port can take a moment to be released.
            if (await TryStartAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (attempt >= 50)
            {
                throw new InvalidOperationException($"sshd did not restart on {Host}:{Port}: {ReadLog()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Kills sshd and its session processes (by PID) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test run over it.
        }
    }

    private async Task StartOnFreeEndpointAsync(CancellationToken cancellationToken)
    {
        if (Environment.UserName == "root")
        {
            Directory.CreateDirectory("/run/sshd");
        }

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            Host = LoopbackAddress.Next();
            Port = LoopbackAddress.NextPort();
            if (await TryStartAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        throw new InvalidOperationException($"sshd did not start: {ReadLog()}");
    }

    private async Task<bool> TryStartAsync(CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(_configPath, BuildConfig(), cancellationToken).ConfigureAwait(false);
        var info = new ProcessStartInfo("/usr/sbin/sshd") { UseShellExecute = false, RedirectStandardError = false };
        foreach (var argument in new[] { "-D", "-e", "-f", _configPath, "-E", LogPath })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start sshd");
        var deadline = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(deadline) < StartDeadline)
        {
            if (_process.HasExited)
            {
                return false;
            }

            if (await AnswersAsync(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        await StopAsync().ConfigureAwait(false);
        return false;
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Host, Port, cancellationToken).ConfigureAwait(false);
            var buffer = new byte[4];
            var stream = client.GetStream();
            var read = 0;
            while (read < 4)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    return false;
                }

                read += n;
            }

            return Encoding.ASCII.GetString(buffer) == "SSH-";
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            // Session processes are children of the listener; kill them too so connections really drop.
            foreach (var pid in Descendants(process.Id).Prepend(process.Id))
            {
                try
                {
                    using var child = Process.GetProcessById(pid);
                    child.Kill();
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10), TimeProvider.System);
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }

        process.Dispose();
    }

    private static List<int> Descendants(int root)
    {
        var parents = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (!parents.TryGetValue(parent, out var children))
                {
                    parents[parent] = children = [];
                }

                children.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        var result = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var child in parents.GetValueOrDefault(current) ?? [])
            {
                result.Add(child);
                queue.Enqueue(child);
            }
        }

        return result;
    }

    private string ReadLog() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log)";

    private string BuildConfig() => string.Join('\n',
        $"ListenAddress {Host}:{Port}",
        $"HostKey {HostKeys.PrivateKeyPath}",
        $"PidFile {Path.Combine(Folder, "sshd.pid")}",
        $"AuthorizedKeysFile {Path.Combine(Folder, "authorized_keys")}",
        $"AllowUsers {User}",
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "UsePAM no",
        "StrictModes no",
        "MaxSessions 64",
        "MaxStartups 100:30:200",
        "Subsystem sftp internal-sftp",
        string.Empty);
}
