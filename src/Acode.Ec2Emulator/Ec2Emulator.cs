using System.Net;
using Acode.Ec2Emulator.Actions;
using Acode.Ec2Emulator.Auth;
using Acode.Ec2Emulator.Catalog;
using Acode.Ec2Emulator.Control;
using Acode.Ec2Emulator.Http;
using Acode.Ec2Emulator.Imds;
using Acode.Ec2Emulator.Lifecycle;
using Acode.Ec2Emulator.Machines;
using Acode.Ec2Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Ec2Emulator;

/// <summary>
/// A local, wire-compatible EC2 (Query 2016-11-15), SSM and STS endpoint plus an instance metadata service, on
/// 127.0.0.1. Start several per process with port 0; dispose to stop it and every machine it started. The control
/// methods here are the same surface as the HTTP control API under <c>/_emulator/</c>.
/// </summary>
public sealed class Ec2Emulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorServices _services;
    private readonly ImdsEndpoint _imds;
    private readonly MachineHost? _host;
    private ListenOptions? _apiListen;
    private ListenOptions? _imdsListen;
    private readonly string? _ownedWorkRoot;
    private int _disposed;

    private Ec2Emulator(EmulatorOptions options)
    {
        var time = options.TimeProvider;
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("Acode.Ec2Emulator");
        var credentials = new CredentialStore();
        credentials.Add(new EmulatorCredential { AccessKeyId = options.AccessKeyId, SecretAccessKey = options.SecretAccessKey, AccountId = options.AccountId });
        if (options.StartMachines)
        {
            if (options.MachineWorkRoot is null)
            {
                // A killed emulator's watchdog removes its folder; one killed with its watchdog leaves it for the next.
                StaleWorkRoots.Sweep(Path.GetTempPath());
                _ownedWorkRoot = StaleWorkRoots.Create(Path.GetTempPath());
                ExitCleanup.DeleteFolderAtExit(_ownedWorkRoot);
            }

            var root = options.MachineWorkRoot ?? _ownedWorkRoot!;
            _host = new MachineHost(new MachineHostOptions { WorkRoot = root, SshPort = options.MachineSshPort, OwnsWorkRoot = _ownedWorkRoot is not null }, time, loggerFactory);
        }

        // Loopback addresses and machines are one pool for all regions, so no two instances anywhere share an address.
        var addresses = new AddressPool(_host);
        var regions = new EmulatorRegions(
            options.Region, options.AccountId, options.Settings, options.InstanceQuota,
            state => new InstanceLifecycle(state, addresses, _host, id => new Uri(ImdsUrl, id).ToString(), time, logger));
        _services = new EmulatorServices
        {
            Options = options,
            Regions = regions,
            Credentials = credentials,
            Verifier = new SigV4Verifier(credentials, time),
            Actions = new ActionRegistry(),
            Faults = new FaultInjector(),
            Log = new Control.ActionLog(),
            Requests = new Control.RequestCounter(),
            Time = time,
            Logger = logger,
            ImdsUrl = () => ImdsUrl,
        };
        _imds = new ImdsEndpoint(_services);
        var router = new RequestRouter(_services, _imds, new ControlEndpoint(this), () => _imdsListen?.IPEndPoint?.Port ?? -1);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => _apiListen = listen);
            kestrel.Listen(IPAddress.Loopback, options.ImdsPort, listen => _imdsListen = listen);
        });
        _app = builder.Build();
        _app.Run(router.HandleAsync);
    }

    /// <summary>The endpoint for <c>ServiceURL</c> of the EC2, SSM and STS clients, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>The metadata service; use as <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c> for the host's role credentials.</summary>
    public Uri ImdsUrl { get; private set; } = null!;

    /// <summary>The machines' work folder the emulator made itself (deleted on dispose); null when given or machines are off.</summary>
    internal string? OwnedWorkRoot => _ownedWorkRoot;

    /// <summary>The region the emulator plays by default; a request signed for another region gets that region's own state.</summary>
    public string Region => _services.State.Region;

    /// <summary>Starts an emulator and returns once both ports accept connections.</summary>
    public static async Task<Ec2Emulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new Ec2Emulator(options ?? new EmulatorOptions());
        try
        {
            await emulator._app.StartAsync(cancellationToken);
        }
        catch
        {
            // A port in use or a cancelled start: nobody else can dispose what the constructor made (its work root).
            await emulator.DisposeAsync();
            throw;
        }

        emulator.ServiceUrl = new Uri($"http://127.0.0.1:{emulator._apiListen!.IPEndPoint!.Port}/");
        emulator.ImdsUrl = new Uri($"http://127.0.0.1:{emulator._imdsListen!.IPEndPoint!.Port}/");
        emulator._services.Logger.EmulatorStarted(emulator.ServiceUrl, emulator.ImdsUrl);
        return emulator;
    }

    /// <summary>Runs an emulator until <paramref name="cancellationToken"/> is cancelled (the CLI's <c>acode emulator</c>).</summary>
    public static async Task RunAsync(EmulatorOptions options, Action<Ec2Emulator>? started = null, CancellationToken cancellationToken = default)
    {
        await using var emulator = await StartAsync(options, cancellationToken);
        started?.Invoke(emulator);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, options.TimeProvider, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    /// <summary>Forgets every resource (in every region), fault, log entry, request count and temporary credential; machines are destroyed.</summary>
    public void Reset()
    {
        lock (_services.Regions.Gate)
        {
            foreach (var (state, lifecycle) in _services.Regions.All)
            {
                foreach (var instance in state.Instances.Where(i => i.State != InstanceState.Terminated))
                {
                    lifecycle.Terminate(instance, StateReasons.UserInitiated, string.Empty);
                }

                foreach (var address in state.Addresses)
                {
                    lifecycle.Addresses.Release(address.Address);
                }

                state.Reset();
            }
        }

        _services.Faults.Clear();
        _services.Log.Clear();
        _services.Requests.Clear();
        _services.Credentials.RemoveTemporary();
        _imds.Reset();
    }

    /// <summary>The calls received so far, oldest first.</summary>
    public IReadOnlyList<ActionLogEntry> ActionLog => _services.Log.Snapshot();

    public void ClearActionLog() => _services.Log.Clear();

    /// <summary>How many API and metadata requests arrived (control API calls not counted), whatever their outcome.</summary>
    public long RequestCount => _services.Requests.Total;

    /// <summary>The same count by URL path (a client's endpoint URL path, e.g. <c>/</c> or <c>/case-17/</c>).</summary>
    public IReadOnlyDictionary<string, long> RequestCountByPath => _services.Requests.ByPath();

    /// <summary>Sets the request count back to zero.</summary>
    public void ClearRequestCount() => _services.Requests.Clear();

    /// <summary>The current delays and visibility window (every region).</summary>
    public EmulatorSettings Settings
    {
        get
        {
            lock (_services.Regions.Gate)
            {
                return _services.Regions.Settings;
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _services.Regions.Settings = value;
        }
    }

    /// <summary>Moves an instance's launch time (e.g. into the past, to make it look orphaned).</summary>
    public void SetLaunchTime(string instanceId, DateTimeOffset launchTime)
    {
        lock (_services.Regions.Gate)
        {
            var (_, instance) = _services.Regions.FindInstance(instanceId) ?? throw new KeyNotFoundException($"No instance {instanceId}.");
            instance.LaunchTime = Protocol.Timestamps.Truncate(launchTime);
        }
    }

    public void InjectFault(FaultRule rule) => _services.Faults.Add(rule);

    public void ClearFaults() => _services.Faults.Clear();

    /// <summary>Withdraws a public SSM parameter in one region until reset, as for a publisher that does not publish there.</summary>
    public void UnpublishParameter(string region, string name)
    {
        if (!EmulatorRegions.IsRegionName(region))
        {
            throw new ArgumentException($"Not a region name: {region}.", nameof(region));
        }

        lock (_services.Regions.Gate)
        {
            _services.Regions.Get(region).State.UnpublishedParameters.Add(name);
        }
    }

    /// <summary>Sets the spot price of a type in one zone (of the zone's region), or in every zone of the default region when <paramref name="availabilityZone"/> is null.</summary>
    public void SetSpotPrice(string instanceType, string? availabilityZone, decimal price)
    {
        if (InstanceTypes.Find(instanceType) is null)
        {
            throw new ArgumentException($"Unknown instance type {instanceType}.", nameof(instanceType));
        }

        lock (_services.Regions.Gate)
        {
            var now = _services.Time.GetUtcNow();
            var state = availabilityZone is null ? _services.State : _services.Regions.Get(availabilityZone[..^1]).State;
            foreach (var zone in availabilityZone is null ? Regions.Zones(Region) : [availabilityZone])
            {
                state.SpotPrices[(instanceType, zone)] = (price, now);
            }
        }
    }

    public void AddReservedInstances(ReservedInstanceRecord reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        lock (_services.State.Gate)
        {
            _services.State.ReservedInstances.Add(reservation.Start == default ? reservation with { Start = _services.Time.GetUtcNow() } : reservation);
        }
    }

    /// <summary>
    /// Interrupts a running spot instance: its IMDS <c>spot/instance-action</c> appears now, and after the notice
    /// (default <see cref="EmulatorSettings.SpotInterruptionNotice"/>) it is terminated with
    /// <c>Server.SpotInstanceTermination</c> (or stopped, when its interruption behaviour is stop).
    /// </summary>
    public void InterruptSpotInstance(string instanceId, TimeSpan? notice = null)
    {
        lock (_services.Regions.Gate)
        {
            var (region, instance) = _services.Regions.FindInstance(instanceId) ?? throw new KeyNotFoundException($"No instance {instanceId}.");
            if (!instance.IsSpot || instance.State != InstanceState.Running)
            {
                throw new InvalidOperationException($"Instance {instanceId} is not a running spot instance.");
            }

            region.Lifecycle.Interrupt(instance, notice ?? _services.Regions.Settings.SpotInterruptionNotice);
        }
    }

    /// <summary>
    /// The machine behind an instance (null with machines off or for unknown ids): its address, SSH port and login
    /// user, which differ from EC2's defaults when the emulator does not run as root (a high port, the current user).
    /// </summary>
    public Machine? FindMachine(string instanceId)
    {
        lock (_services.Regions.Gate)
        {
            return _services.Regions.FindInstance(instanceId)?.Instance.Machine;
        }
    }

    /// <summary>Adds an access key (optionally limited to some EC2 actions).</summary>
    public void AddCredential(EmulatorCredential credential) => _services.Credentials.Add(credential);

    /// <summary>Stops the server, pending transitions and every machine.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(10), _services.Time);
        await _app.StopAsync(bounded.Token);
        await _services.Regions.DisposeAsync();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_ownedWorkRoot is not null)
        {
            if (Directory.Exists(_ownedWorkRoot))
            {
                Directory.Delete(_ownedWorkRoot, recursive: true);
            }

            ExitCleanup.ForgetFolder(_ownedWorkRoot);
        }

        await _app.DisposeAsync();
    }
}
