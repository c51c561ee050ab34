using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Acode.Ec2Emulator.Machines;
using Acode.Ec2Emulator.State;
using Microsoft.Extensions.Logging;

namespace Acode.Ec2Emulator.Lifecycle;

/// <summary>
/// Moves instances through EC2's state machine on the emulator's clock and drives their machines. Public methods run
/// under <see cref="EmulatorState.Gate"/> and only schedule work; the work re-takes the lock and gives up when the
/// instance's generation moved on (a newer stop/start/terminate won).
/// </summary>
internal sealed class InstanceLifecycle : IAsyncDisposable
{
    private readonly EmulatorState _state;
    private readonly AddressPool _addresses;
    private readonly MachineHost? _host;
    private readonly Func<string, string> _imdsEndpointFor;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _work = new();

    public InstanceLifecycle(EmulatorState state, AddressPool addresses, MachineHost? host, Func<string, string> imdsEndpointFor, TimeProvider time, ILogger logger)
    {
        _state = state;
        _addresses = addresses;
        _host = host;
        _imdsEndpointFor = imdsEndpointFor;
        _time = time;
        _logger = logger;
    }

    public AddressPool Addresses => _addresses;

    public void Launch(Instance instance, string? authorizedKey)
    {
        instance.AutoAddress = _addresses.Reserve();
        if (_host is not null)
        {
            var spec = new MachineSpec
            {
                InstanceId = instance.Id,
                UserName = instance.Image.DefaultUser,
                AuthorizedKey = authorizedKey,
                UserData = instance.UserData is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(instance.UserData)),
                Environment = new Dictionary<string, string> { ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = _imdsEndpointFor(instance.Id) },
                SshSources = port => Actions.SshIngress.Sources(_state, instance, port),
            };
            try
            {
                instance.Machine = _host.Create(spec);
                instance.Machine.ShutdownRequested += OnShutdownRequested;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The instance still follows the state machine; it just has no sshd behind it.
                _logger.MachineOperationFailed(ex, "create", instance.Id);
            }
        }

        var generation = ++instance.Generation;
        Schedule(() => BootAsync(instance, generation));
    }

    public void Start(Instance instance)
    {
        instance.State = InstanceState.Pending;
        instance.StateReasonCode = "pending";
        instance.StateReasonMessage = "pending";
        instance.Reason = string.Empty;
        if (instance.ElasticIp is null)
        {
            instance.AutoAddress = _addresses.Reserve();
        }

        var generation = ++instance.Generation;
        Schedule(() => BootAsync(instance, generation));
    }

    public void Stop(Instance instance, string reasonCode, string reason)
    {
        instance.State = InstanceState.Stopping;
        instance.StateReasonCode = reasonCode;
        instance.StateReasonMessage = StateReasons.Message(reasonCode);
        instance.Reason = reason;
        var generation = ++instance.Generation;
        Schedule(async () =>
        {
            await DelayAsync(_state.Settings.StopDelay);
            if (instance.Machine is { } machine)
            {
                await MachineAsync(instance, "halt", () => machine.HaltAsync(_stopping.Token));
            }

            lock (_state.Gate)
            {
                if (instance.Generation != generation)
                {
                    return;
                }

                instance.State = InstanceState.Stopped;
                ReleaseAutoAddress(instance);
                if (instance.SpotRequest is { } spot)
                {
                    spot.State = "disabled";
                    spot.StatusCode = reasonCode == StateReasons.SpotShutdown ? "instance-stopped-no-capacity" : "instance-stopped-by-user";
                    spot.StatusUpdateTime = _time.GetUtcNow();
                }
            }
        });
    }

    public void Terminate(Instance instance, string reasonCode, string reason)
    {
        if (instance.State == InstanceState.Terminated || instance.State == InstanceState.ShuttingDown)
        {
            return;
        }

        instance.State = InstanceState.ShuttingDown;
        instance.StateReasonCode = reasonCode;
        instance.StateReasonMessage = StateReasons.Message(reasonCode);
        instance.Reason = reason;
        var generation = ++instance.Generation;
        Schedule(async () =>
        {
            await DelayAsync(_state.Settings.TerminateDelay);
            if (instance.Machine is { } machine)
            {
                await MachineAsync(instance, "destroy", () => machine.DestroyAsync(_stopping.Token));
            }

            lock (_state.Gate)
            {
                if (instance.Generation == generation)
                {
                    FinishTermination(instance, reasonCode);
                }
            }
        });
    }

    /// <summary>Schedules a spot interruption: the IMDS notice now, the interruption after <paramref name="notice"/>.</summary>
    public void Interrupt(Instance instance, TimeSpan notice)
    {
        var spot = instance.SpotRequest!;
        var action = spot.InterruptionBehavior == "terminate" ? "terminate" : "stop";
        instance.SpotAction = (action, _time.GetUtcNow() + notice);
        spot.StatusCode = action == "terminate" ? "marked-for-termination" : "marked-for-stop";
        spot.StatusUpdateTime = _time.GetUtcNow();
        var generation = instance.Generation;

        // The notice period starts now, not when the scheduled work first runs, so the interruption is due exactly
        // `notice` after this call on the emulator's clock (a test clock advanced right after this call fires it).
        var noticeOver = DelayAsync(notice);
        Schedule(async () =>
        {
            await noticeOver;
            lock (_state.Gate)
            {
                if (instance.Generation != generation)
                {
                    return;
                }

                var reason = StateReasons.ServiceInitiatedAt(_time.GetUtcNow());
                if (action == "terminate")
                {
                    Terminate(instance, StateReasons.SpotTermination, reason);
                }
                else
                {
                    Stop(instance, StateReasons.SpotShutdown, reason);
                }
            }
        });
    }

    /// <summary>
    /// Re-binds a booted machine after its public address changed (Elastic IP associated or removed). A machine not yet
    /// booted is left alone: its boot reads the address current at that moment. Machine operations are serialized per
    /// instance, so a change during a boot is applied right after it.
    /// </summary>
    public void Readdress(Instance instance)
    {
        if (instance.Machine is not { } machine || instance.State != InstanceState.Running)
        {
            return;
        }

        var generation = instance.Generation;
        Schedule(() => MachineAsync(instance, "readdress", async () =>
        {
            var address = CurrentAddress(instance, generation);
            if (address is null || !machine.IsBooted || address.Equals(machine.Address))
            {
                return;
            }

            await machine.HaltAsync(_stopping.Token);
            await machine.BootAsync(address, _stopping.Token);
        }));
    }

    public void ReleaseAutoAddress(Instance instance)
    {
        if (instance.AutoAddress is { } address)
        {
            _addresses.Release(address);
            instance.AutoAddress = null;
        }
    }

    private void FinishTermination(Instance instance, string reasonCode)
    {
        var now = _time.GetUtcNow();
        instance.State = InstanceState.Terminated;
        instance.TerminatedAt = now;
        ReleaseAutoAddress(instance);
        if (instance.ElasticIp is { } eip)
        {
            eip.InstanceId = null;
            eip.AssociationId = null;
            instance.ElasticIp = null;
        }

        foreach (var volume in instance.Volumes)
        {
            if (volume.DeleteOnTermination)
            {
                _state.Volumes.Remove(volume);
                volume.Status = "deleted";
            }
            else
            {
                volume.Status = "available";
                volume.InstanceId = null;
                volume.Device = null;
                volume.AttachTime = null;
            }
        }

        if (instance.SpotRequest is { } spot)
        {
            spot.State = "closed";
            spot.StatusCode = reasonCode == StateReasons.SpotTermination ? "instance-terminated-no-capacity" : "instance-terminated-by-user";
            spot.StatusUpdateTime = now;
        }
    }

    private async Task BootAsync(Instance instance, int generation)
    {
        await DelayAsync(_state.Settings.BootDelay);
        Machine? machine;
        IPAddress? address;
        TimeSpan sshDelay;
        lock (_state.Gate)
        {
            if (instance.Generation != generation)
            {
                return;
            }

            instance.State = InstanceState.Running;
            instance.HasBooted = true;
            instance.StateReasonCode = null;
            instance.StateReasonMessage = null;
            instance.Reason = string.Empty;
            machine = instance.Machine;
            address = instance.HostAddress;
            sshDelay = _state.Settings.SshDelay;
        }

        if (machine is null || address is null)
        {
            return;
        }

        await DelayAsync(sshDelay);

        // The address is read when sshd starts, not before the delay: an Elastic IP associated meanwhile is the one
        // the machine must listen on.
        await MachineAsync(instance, "boot", async () =>
        {
            if (CurrentAddress(instance, generation) is { } current)
            {
                await machine.BootAsync(current, _stopping.Token);
            }
        });
    }

    // The instance's host address now; null when it was stopped, terminated or restarted since (another generation).
    private IPAddress? CurrentAddress(Instance instance, int generation)
    {
        lock (_state.Gate)
        {
            return instance.Generation == generation ? instance.HostAddress : null;
        }
    }

    private void OnShutdownRequested(object? sender, MachineShutdownEventArgs e)
    {
        lock (_state.Gate)
        {
            if (_state.FindInstance(e.InstanceId) is not { } instance || instance.State != InstanceState.Running)
            {
                return;
            }

            if (instance.ShutdownBehavior == "terminate")
            {
                Terminate(instance, StateReasons.InstanceInitiated, "User initiated");
            }
            else
            {
                Stop(instance, StateReasons.InstanceInitiated, "User initiated");
            }
        }
    }

    private async Task MachineAsync(Instance instance, string operation, Func<Task> action)
    {
        await instance.MachineOps.WaitAsync(_stopping.Token);
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.MachineOperationFailed(ex, operation, instance.Id);
        }
        finally
        {
            instance.MachineOps.Release();
        }
    }

    private Task DelayAsync(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, _stopping.Token);

    private void Schedule(Func<Task> work)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var task = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // The emulator is shutting down.
            }
        });
        _work[task] = 0;
        task.ContinueWith(t => _work.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Cancels pending transitions and waits for running ones; the machine host then stops every machine.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_work.Keys.ToArray());
        }
        catch (OperationCanceledException)
        {
            // Expected while cancelling.
        }

        _stopping.Dispose();
    }
}
