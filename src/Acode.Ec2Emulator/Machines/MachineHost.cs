using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// Runs the real machines behind emulated instances: one OpenSSH <c>sshd</c> per booted machine on its own loopback
/// address. Disposing it stops every process of every machine it started; so does the process exiting, and, when the
/// process dies any other way (SIGKILL included), the host's <see cref="HostWatchdog"/>.
/// </summary>
/// <remarks>
/// As root, sshd listens on port 22 and sessions run as the AMI user (<see cref="MachineSpec.UserName"/>, created with
/// <c>useradd</c> if missing). Otherwise sshd runs as the current user on a free high port, only that user can log in,
/// and <see cref="MachineSpec.UserName"/> is ignored in favour of it (<see cref="Machine.LoginUserName"/>).
/// </remarks>
public sealed class MachineHost : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Machine> _machines = new();
    private readonly ConcurrentDictionary<IPAddress, byte> _addresses = new();
    private readonly PowerRequestWatcher _powerRequests;
    private readonly HostWatchdog _watchdog;
    private int _disposed;

    public MachineHost(MachineHostOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Options = options;
        TimeProvider = timeProvider;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<MachineHost>();
        Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        IsRoot = Environment.IsPrivilegedProcess;
        UnixFiles.CreateDirectory(options.WorkRoot);
        if (IsRoot)
        {
            // sshd refuses to start as root without its privilege-separation folder.
            Directory.CreateDirectory("/run/sshd");
        }

        ExitCleanup.Register(Nonce);
        _watchdog = HostWatchdog.Start(Nonce, options.WorkRoot, options.OwnsWorkRoot);
        _powerRequests = new PowerRequestWatcher(Path.Combine(options.WorkRoot, ".power"), Deliver);
    }

    /// <summary>True when the host runs as root: port 22, and sessions as the AMI user.</summary>
    public bool IsRoot { get; }

    internal MachineHostOptions Options { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    /// <summary>Tells this host's processes from other hosts' (other emulators, other test runs) in their marker.</summary>
    internal string Nonce { get; }

    /// <summary>Reserves a loopback address (127.0.0.0/8) that no other machine, host or process is using.</summary>
    public IPAddress ReserveAddress()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var address = LoopbackAddresses.Reserve(Options.SshPort ?? (IsRoot ? MachineConstants.RootSshPort : 0));
        _addresses[address] = 0;
        return address;
    }

    /// <summary>Returns an address reserved with <see cref="ReserveAddress"/>.</summary>
    public void ReleaseAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_addresses.TryRemove(address, out _))
        {
            LoopbackAddresses.Release(address);
        }
    }

    /// <summary>Creates a machine's state on disk; no process runs until <see cref="Machine.BootAsync"/>.</summary>
    public Machine Create(MachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (spec.InstanceId.Length == 0 || !spec.InstanceId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{spec.InstanceId}' is not an instance id", nameof(spec));
        }

        var workRoot = Path.GetFullPath(Options.WorkRoot);
        var layout = new MachineLayout(Path.Combine(workRoot, spec.InstanceId), spec.InstanceId, Path.Combine(workRoot, ".power"));
        var machine = new Machine(spec, this, layout);
        if (!_machines.TryAdd(spec.InstanceId, machine))
        {
            throw new InvalidOperationException($"machine {spec.InstanceId} already exists");
        }

        foreach (var folder in layout.Folders)
        {
            UnixFiles.CreateDirectory(folder);
        }

        MachineScripts.WriteShims(layout);
        MachineScripts.WriteEnvironment(layout, spec.Environment);
        return machine;
    }

    /// <summary>Stops every machine of this host and any process left with this host's marker; releases its addresses.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _powerRequests.Dispose();
        await Task.WhenAll(_machines.Values.Select(m => m.HaltAsync()));
        var killed = ExitCleanup.KillHost(Nonce);
        foreach (var address in _addresses.Keys)
        {
            ReleaseAddress(address);
        }

        ExitCleanup.Unregister(Nonce);
        _watchdog.Stop();
        Logger.HostStopped(Nonce, killed);
    }

    private void Deliver(string instanceId, string[] command)
    {
        if (_machines.TryGetValue(instanceId, out var machine))
        {
            machine.OnPowerRequest(command);
        }
    }

    internal void Forget(Machine machine) => _machines.TryRemove(new KeyValuePair<string, Machine>(machine.Spec.InstanceId, machine));

    /// <summary>The account sessions run as: the AMI user (created if needed) as root, else the current user.</summary>
    internal async Task<LinuxAccount> AccountForAsync(string userName, CancellationToken cancellationToken) =>
        IsRoot ? await LinuxUsers.EnsureAsync(userName, TimeProvider, cancellationToken) : LinuxUsers.Current();

    /// <summary>Gives the user its HOME.</summary>
    internal void PrepareForUser(MachineLayout layout, LinuxAccount account)
    {
        if (IsRoot)
        {
            Posix.Chown(layout.Home, account.Uid, account.Gid);
        }
    }
}
