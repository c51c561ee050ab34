using System.Net;
using Microsoft.Extensions.Logging;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// One emulated instance's machine: its disk (a folder under the host's work root), its sshd, its boot log.
/// Sessions run as <see cref="MachineSpec.UserName"/> when the emulator runs as root, else as the emulator's own user.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A machine ends with DestroyAsync or its host's DisposeAsync, which release the shutdown schedule; the semaphore holds no wait handle.")]
public sealed class Machine
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(15);
    private readonly MachineHost _host;
    private readonly MachineLayout _layout;
    private readonly ConsoleLog _console;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger;
    private SshdProcess? _sshd;
    private ShutdownSchedule? _shutdown;
    private string _lastConsoleOutput = string.Empty;
    private bool _destroyed;

    internal Machine(MachineSpec spec, MachineHost host, MachineLayout layout)
    {
        Spec = spec;
        _host = host;
        _layout = layout;
        _console = new ConsoleLog(layout.ConsoleLog, host.TimeProvider);
        _logger = host.Logger;
        Marker = $"{spec.InstanceId}{ExitCleanup.Suffix(host.Nonce)}";
    }

    /// <summary>What the machine was launched as.</summary>
    public MachineSpec Spec { get; }

    /// <summary>The address sshd listens on while booted; null while halted.</summary>
    public IPAddress? Address { get; private set; }

    /// <summary>The SSH port (22 as root unless <see cref="MachineHostOptions.SshPort"/> says otherwise, else a free high port); 0 before the first boot.</summary>
    public int SshPort { get; private set; }

    /// <summary>True while sshd runs.</summary>
    public bool IsBooted { get; private set; }

    /// <summary>The machine's home folder on the emulator's host: <c>$HOME</c> of its sessions and user data.</summary>
    public string HomePath => _layout.Home;

    /// <summary>The user sessions log in as: <see cref="MachineSpec.UserName"/> as root, else the emulator's own user.</summary>
    public string LoginUserName => _host.IsRoot ? Spec.UserName : Environment.UserName;

    /// <summary>True while a <c>shutdown +N</c> run inside the machine is pending.</summary>
    internal bool IsShutdownScheduled => _shutdown?.IsScheduled ?? false;

    /// <summary>The value of <see cref="MachineConstants.InstanceMarkerVariable"/> that every process of this machine carries.</summary>
    public string Marker { get; }

    /// <summary>
    /// The cumulative boot log (its most recent 64 KiB), as cloud-init prints it, with the SSH host key fingerprint
    /// block after the first boot, followed by the output of user-data scripts.
    /// </summary>
    public string ConsoleOutput
    {
        get
        {
            if (!_destroyed && Directory.Exists(_layout.Root))
            {
                try
                {
                    _lastConsoleOutput = _console.Read();
                }
                catch (IOException)
                {
                    // Destroyed meanwhile: the last output read stays, as EC2 keeps it for a while.
                }
            }

            return _lastConsoleOutput;
        }
    }

    /// <summary>Raised (on a thread-pool thread) when something inside the machine runs <c>shutdown</c>, <c>poweroff</c> or <c>halt</c>, at once or when a <c>shutdown +N</c> comes due.</summary>
    public event EventHandler<MachineShutdownEventArgs>? ShutdownRequested;

    /// <summary>
    /// Starts sshd on <paramref name="address"/>. The first boot installs host keys (from <c>#cloud-config</c>
    /// <c>ssh_keys</c>, else generated) and runs a <c>#!</c> user-data script once. Returns when sshd accepts connections.
    /// </summary>
    /// <exception cref="MachineBootException">sshd died or did not listen within <see cref="MachineHostOptions.BootTimeout"/>.</exception>
    public async Task BootAsync(IPAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_destroyed, this);
            if (IsBooted)
            {
                throw new InvalidOperationException($"machine {Spec.InstanceId} is already booted");
            }

            try
            {
                await BootCoreAsync(address, cancellationToken);
            }
            catch
            {
                // A half-booted machine is no use: leave it halted, ready for another boot.
                await HaltCoreAsync();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops sshd and every process of the machine; the disk stays. Halting a halted machine does nothing.</summary>
    public async Task HaltAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await HaltCoreAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Halts the machine and deletes its disk. Destroying twice is fine.</summary>
    public async Task DestroyAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_destroyed)
            {
                return;
            }

            await HaltCoreAsync();
            _ = ConsoleOutput;
            _destroyed = true;
            if (Directory.Exists(_layout.Root))
            {
                Directory.Delete(_layout.Root, recursive: true);
            }

            _host.Forget(this);
            _logger.MachineDestroyed(Spec.InstanceId);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task BootCoreAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var started = _host.TimeProvider.GetTimestamp();
        var account = await _host.AccountForAsync(Spec.UserName, cancellationToken);
        var firstBoot = !File.Exists(_layout.FirstBootDone);
        var userData = UserData.Parse(Spec.UserData);
        _host.PrepareForUser(_layout, account);
        _console.BootStarted(Spec.InstanceId, firstBoot);
        await File.WriteAllLinesAsync(_layout.AuthorizedKeys, AuthorizedKeys(userData.Config), cancellationToken);
        if (firstBoot || HostKeys.Existing(_layout).Count == 0)
        {
            await HostKeys.InstallAsync(_layout, userData.Config, $"root@ip-{address.ToString().Replace('.', '-')}", cancellationToken);
        }

        var (sshd, port) = await StartSshdAsync(address, account, cancellationToken);
        _sshd = sshd;
        _shutdown = new ShutdownSchedule(_host.TimeProvider, RaiseShutdownRequested);
        Address = address;
        SshPort = port;
        IsBooted = true;
        if (firstBoot)
        {
            await File.WriteAllTextAsync(_layout.FirstBootDone, string.Empty, cancellationToken);
            if (userData.Config.EmitKeysToConsole)
            {
                _console.HostKeys(HostKeys.Existing(_layout).Select(p => File.ReadAllText(p + ".pub")).ToList());
            }
        }

        if (userData.Scripts.Count > 0 && !File.Exists(_layout.UserScriptsDone))
        {
            // The semaphore is set before the scripts start, as "once" must hold even if the machine halts mid-script.
            await File.WriteAllTextAsync(_layout.UserScriptsDone, string.Empty, cancellationToken);
            var runner = MachineScripts.WriteUserDataRunner(_layout, userData.Scripts);
            await UserDataLauncher.LaunchAsync(_layout, account, _host.IsRoot, Marker, runner, cancellationToken);
            _logger.UserDataStarted(Spec.InstanceId, userData.Scripts.Count);
        }

        var elapsed = _host.TimeProvider.GetElapsedTime(started);
        _console.BootFinished(elapsed);
        _logger.MachineBooted(Spec.InstanceId, sshd.Pid, address, port, (long)elapsed.TotalMilliseconds, firstBoot);
    }

    private IEnumerable<string> AuthorizedKeys(CloudConfig config) =>
        new[] { Spec.AuthorizedKey }.Concat(config.SshAuthorizedKeys).OfType<string>().Select(k => k.Trim()).Where(k => k.Length > 0);

    private async Task<(SshdProcess Sshd, int Port)> StartSshdAsync(IPAddress address, LinuxAccount account, CancellationToken cancellationToken)
    {
        var fixedPort = _host.Options.SshPort ?? (_host.IsRoot ? MachineConstants.RootSshPort : (int?)null);
        for (var attempt = 1; ; attempt++)
        {
            var port = fixedPort ?? LoopbackAddresses.FreePort(address);
            SshdConfig.Write(_layout, address, port, account.Name, Marker, HostKeys.Existing(_layout), Spec.SshSources?.Invoke(port));
            var sshd = SshdProcess.Start(_layout, Marker);
            if (!ExitCleanup.AddListener(_host.Nonce, sshd.Pid, _layout.SshdConfig))
            {
                await StopQuietlyAsync(sshd);
                throw new MachineBootException(Spec.InstanceId, "the emulator is shutting down");
            }

            using var deadline = new CancellationTokenSource(_host.Options.BootTimeout, _host.TimeProvider);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                await sshd.WaitListeningAsync(timeout.Token);
                return (sshd, port);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                await StopQuietlyAsync(sshd);
                ExitCleanup.RemoveListener(_host.Nonce, sshd.Pid);
                if (e is IOException && fixedPort is null && sshd.FailedOnAddressInUse && attempt < 3)
                {
                    _logger.SshdPortTaken(Spec.InstanceId, address, port);
                    continue;
                }

                if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                var reason = e is IOException ? e.Message : $"sshd did not listen within {_host.Options.BootTimeout}: {sshd.Tail()}";
                throw new MachineBootException(Spec.InstanceId, reason, e);
            }
        }
    }

    private async Task HaltCoreAsync()
    {
        _shutdown?.Dispose();
        _shutdown = null;
        // sshd with its connections, sessions, user data and whatever they forked or daemonized.
        var killed = MachineProcesses.KillAll(m => m == Marker, _sshd is { } listener ? [listener.Pid] : []);
        if (_sshd is { } sshd)
        {
            await StopQuietlyAsync(sshd);
            ExitCleanup.RemoveListener(_host.Nonce, sshd.Pid);
            _sshd = null;
        }

        if (IsBooted)
        {
            _logger.MachineHalted(Spec.InstanceId, killed);
        }

        IsBooted = false;
        Address = null;
    }

    private async Task StopQuietlyAsync(SshdProcess sshd)
    {
        // Cleanup runs on its own bounded token, never on the caller's possibly cancelled one.
        using var cleanup = new CancellationTokenSource(CleanupTimeout, _host.TimeProvider);
        await sshd.StopAsync(cleanup.Token);
    }

    /// <summary>A shutdown shim ran inside the machine; ignored while halted.</summary>
    internal void OnPowerRequest(string[] command) => _shutdown?.Submit(command);

    private void RaiseShutdownRequested()
    {
        _logger.ShutdownRequested(Spec.InstanceId);
        try
        {
            ShutdownRequested?.Invoke(this, new MachineShutdownEventArgs(Spec.InstanceId));
        }
        catch (Exception e)
        {
            // A handler's failure must not take the emulator's process down with it.
            _logger.ShutdownHandlerFailed(e, Spec.InstanceId);
        }
    }
}
