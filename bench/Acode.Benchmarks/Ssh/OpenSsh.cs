using Acode.IntegrationTests.Fixtures;

namespace Acode.Benchmarks.Ssh;

/// <summary>The OpenSSH tools the benchmark compares against, pointed at the benchmark's sshd.</summary>
internal sealed class OpenSsh
{
    private readonly SshServer _server;

    public OpenSsh(SshServer server, string work)
    {
        _server = server;
        ControlPath = Path.Combine(work, "cm.sock");
    }

    public string ControlPath { get; }

    private string[] Options =>
    [
        "-i", _server.ClientKeys.PrivateKeyPath, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
        "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
    ];

    private string Destination => $"{_server.User}@{_server.Host}";

    public Task RunAsync(string[] extra, string command) =>
        ProcessRunner.RunCheckedAsync("ssh", [.. Options, "-p", $"{_server.Port}", .. extra, Destination, command]);

    public Task StartMasterAsync() =>
        ProcessRunner.RunCheckedAsync("ssh", [.. Options, "-p", $"{_server.Port}", "-o", "ControlMaster=yes", "-o", $"ControlPath={ControlPath}", "-o", "ControlPersist=60", "-f", "-N", Destination]);

    public Task StopMasterAsync() =>
        ProcessRunner.RunAsync("ssh", ["-o", $"ControlPath={ControlPath}", "-O", "exit", Destination]);

    public Task ScpAsync(string source, string destination) =>
        ProcessRunner.RunCheckedAsync("scp", [.. Options, "-q", "-P", $"{_server.Port}", "-r", source, $"{Destination}:{destination}"]);

    public Task RsyncAsync(string source, string destination) =>
        ProcessRunner.RunCheckedAsync("rsync", ["-a", "-e", $"ssh {string.Join(' ', Options)} -p {_server.Port}", Directory.Exists(source) ? source.TrimEnd('/') + "/" : source, $"{Destination}:{destination}" + (Directory.Exists(source) ? "/" : string.Empty)]);

    public Task TarAsync(string source, string destination)
    {
        var folder = Path.GetDirectoryName(source)!;
        var name = Path.GetFileName(source);
        var remote = $"mkdir -p '{destination}' && tar -x -f - -C '{destination}'";
        var pipeline = $"tar -c -f - -C '{folder}' '{name}' | ssh {string.Join(' ', Options)} -p {_server.Port} {Destination} \"{remote}\"";
        return ProcessRunner.RunCheckedAsync("bash", ["-c", pipeline]);
    }
}
