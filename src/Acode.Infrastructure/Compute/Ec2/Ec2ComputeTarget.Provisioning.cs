using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Spot;
using Acode.Application.Compute.Ssh;
using Acode.Domain.Compute;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Ami;
using Acode.Infrastructure.Compute.Ec2.KeyPairs;
using Acode.Infrastructure.Compute.Ec2.Keys;
using Acode.Infrastructure.Compute.Ec2.Lifecycle;
using Acode.Infrastructure.Compute.Ec2.Network;
using Acode.Infrastructure.Compute.Ec2.Provisioning;
using Acode.Infrastructure.Compute.Ec2.Spot;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Acode.Infrastructure.Compute.Ec2.UserData;
using Acode.Infrastructure.Compute.Ssh;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2;

// The provisioning sequence: resolve and create what the launch needs, launch, wait for running and an authenticated
// SSH session, hand the workspace to the SSH target; also the on-demand replacement of an interrupted spot instance.
public sealed partial class Ec2ComputeTarget
{
    private async Task<WorkspacePrepareResult> ProvisionAsync(WorkspaceContext context, CancellationToken cancellationToken)
    {
        var credentials = _deps.ExplicitCredentials ?? await _deps.CredentialResolver.ResolveAsync(_configuration.Profile, _configuration.Region, cancellationToken).ConfigureAwait(false);
        var endpoint = _configuration.EndpointUrl?.ToString();
        // The region was resolved once, in the configuration layer; the credentials do not change it.
        var configuration = _configuration;
        var ec2 = _deps.ClientFactory.CreateEc2(credentials.Credentials, configuration.Region, endpoint);
        var ssm = _deps.ClientFactory.CreateSsm(credentials.Credentials, configuration.Region, endpoint);
        if (_deps.Sessions is { } sessions)
        {
            // Before anything exists in AWS: an orphan sweep elsewhere must see this session as alive.
            sessions.Register(_sessionId, configuration.Region);
            _sessionHeartbeat = sessions.StartHeartbeat(_sessionId);
        }

        var tags = Ec2Tags.Create(_sessionId, TargetId, Ec2Tags.DefaultOwner(), configuration.MaxLifetime, _time, configuration.Tags);
        var session = _session = new Ec2Session(ec2, ssm, configuration, _sessionId, tags, _time, _deps.LoggerFactory, _events);
        var observer = _observer = new Ec2LifecycleObserver(configuration, TargetId, ec2, credentials.Credentials, _deps, _events);
        session.Provisioner.Observed = observer.StateAsync;

        // Live, before anything is created: a type the region or subnet's zone does not offer fails here with suggestions.
        foreach (var warning in await session.InstanceTypes.ThrowIfInvalidAsync(configuration, cancellationToken).ConfigureAwait(false))
        {
            Ec2Log.InstanceTypeWarning(_logger, TargetId, warning);
        }

        var image = await session.Amis.ResolveAsync(configuration.AmiId, configuration.SshUser, configuration.Region, configuration.InstanceType, cancellationToken).ConfigureAwait(false);
        if (image.Alias?.EndOfLifeWarning is { } endOfLife)
        {
            Ec2Log.ImageEndOfLife(_logger, TargetId, endOfLife);
        }

        // Before anything is created: no default VPC and no subnet stops here.
        var subnets = await Network.Ec2LaunchSubnets.ResolveAsync(ec2, configuration, cancellationToken).ConfigureAwait(false);
        if (configuration.UsesAutoKeyPair)
        {
            session.Resources.KeyPair = (Ec2KeyPairManager.AutoKeyName(_sessionId), configuration.PrivateKeyPath);
        }

        var key = await session.KeyPairs.AcquireAsync(configuration, _sessionId, tags, cancellationToken).ConfigureAwait(false);
        var groups = configuration.SecurityGroupIds.ToList();
        if (configuration.UsesTempSecurityGroup)
        {
            var cidrs = await _deps.CallerAddress.SourceCidrsAsync(configuration.SshSourceCidrs, configuration.EndpointUrl, cancellationToken).ConfigureAwait(false);
            session.Resources.SecurityGroupRequested = true;
            groups.Add(await session.Groups.CreateAsync(_sessionId, configuration.VpcId, configuration.SshPort, cidrs, tags, id => session.Resources.SecurityGroupId = id, cancellationToken).ConfigureAwait(false));
        }

        var hostKey = configuration.HostKeyVerification == Ec2HostKeyVerification.Pinned ? SshKeyPairGenerator.GenerateEd25519("acode-host-" + _sessionId) : null;
        var deadMan = configuration.DeadManSwitch ? new DeadManSwitchOptions(_sessionId, configuration.MaxLifetime, configuration.HeartbeatTimeout) : null;
        _heartbeat = deadMan is null ? null : new Ec2DeadManHeartbeat(deadMan, _time, TargetId, _logger);
        var userData = UserDataBuilder.Build(new UserDataRequest { HostKey = hostKey, DeadManSwitch = deadMan, UserUserData = configuration.UserData });
        var launch = configuration with { AmiId = image.ImageId, KeyPairName = key.KeyName, SecurityGroupIds = groups, UserData = userData?.Raw };

        session.Resources.LaunchRequested = true;
        _launchRequest = session.Provisioner.NewRequest(launch, image.RootDeviceName, subnets);
        await session.Provisioner.LaunchAsync(_launchRequest, OnLaunchedAsync, cancellationToken).ConfigureAwait(false);
        session.Access = new Ec2SshAccess(image.SshUser, key.PrivateKey, key.PrivateKeyPath, configuration.HostKeyVerification, hostKey?.Fingerprint);
        var result = await ConnectAsync(context with { KeepOnTeardown = true }, cancellationToken).ConfigureAwait(false);
        _remoteRoot = result.RemoteRoot;
        // Replayed as given on a replacement: its home may differ, so the resolved path is not reused.
        _workspace = context with { KeepOnTeardown = true };

        var elapsed = _time.GetElapsedTime(_prepareStarted);
        observer.Provisioned(elapsed, _instance!);
        await ReadyAsync(session, elapsed, cancellationToken).ConfigureAwait(false);
        return result with { Duration = elapsed };
    }

    // Cost accrues from here, the running event goes out, and a spot instance is watched for its interruption notice.
    private async Task ReadyAsync(Ec2Session session, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var instance = _instance!;
        await _observer!.ReadyAsync(instance, Host!, elapsed, cancellationToken).ConfigureAwait(false);
        if (instance.IsSpotInstance && _ssh is { } ssh)
        {
            _spot.Watch(session.Ec2, ssh, instance.InstanceId);
        }

        Ec2Log.TargetReady(_logger, TargetId, instance.InstanceId, Host!, elapsed);
    }

    // Commands and transfers wait for a replacement in progress, then run under the spot watcher when there is one.
    private async Task<T> GuardedAsync<T>(string operation, Func<SshComputeTarget, CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        await _spot.WaitForReplacementAsync(cancellationToken).ConfigureAwait(false);
        var ssh = ReadySsh(operation);
        return await _spot.GuardAsync(token => run(ssh, token), cancellationToken).ConfigureAwait(false);
    }

    // The interrupted instance is AWS's to terminate (one-time request); it stays recorded, so teardown confirms it gone
    // and the session's security group and key pair, which the replacement shares, go with the last instance.
    private async Task ReplaceAsync(SpotInterruptionNotice notice)
    {
        await Task.Yield();
        await _lifecycle.WaitAsync(_teardownRequested.Token).ConfigureAwait(false);
        try
        {
            if (State != ComputeTargetState.Ready || _session is not { } session || _launchRequest is null || _workspace is null)
            {
                return;
            }

            State = ComputeTargetState.Provisioning;
            var started = _time.GetTimestamp();
            _observer!.Interrupted(notice.InstanceId, notice.InterruptionTime);

            // The interrupted instance's connection is closed only once the replacement is up: the command the notice
            // cancelled is still stopping its remote process over it, and closing it under that stop stalls it.
            await using var interrupted = await DetachSshAsync().ConfigureAwait(false);
            Ec2Log.SpotReplacing(_logger, TargetId, notice.InstanceId, _configuration.InstanceType);
            var request = _launchRequest with { Attempts = SpotLaunchPlanner.PlanReplacement(_configuration), LaunchToken = _launchRequest.LaunchToken + "-r" };
            await session.Provisioner.LaunchAsync(request, OnLaunchedAsync, _teardownRequested.Token).ConfigureAwait(false);
            _remoteRoot = (await ConnectAsync(_workspace, _teardownRequested.Token).ConfigureAwait(false)).RemoteRoot;
            await ReadyAsync(session, _time.GetElapsedTime(started), _teardownRequested.Token).ConfigureAwait(false);
            State = ComputeTargetState.Ready;
        }
        catch (Exception ex)
        {
            State = ComputeTargetState.Failed;
            Ec2Log.TargetPrepareFailed(_logger, TargetId, ex);
            throw;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    // Running -> address -> authenticated SSH with the verified host key -> the SSH target prepares the workspace.
    private async Task<WorkspacePrepareResult> ConnectAsync(WorkspaceContext context, CancellationToken cancellationToken)
    {
        var session = _session!;
        var running = await session.Provisioner.WaitForRunningAsync(_instance!.InstanceId, _configuration.ProvisionTimeout, cancellationToken).ConfigureAwait(false);
        _instance = running;
        var runningAt = _time.GetTimestamp();
        if (_configuration.ElasticIp is { } elasticIp)
        {
            // After a start or a replacement, the address allocated for this run is associated again, not a second one.
            var (allocationId, publicIp) = await session.Addresses.AttachAsync(
                session.Resources.AllocatedElasticIp ?? elasticIp, running.InstanceId, session.Tags, id => session.Resources.AllocatedElasticIp = id, cancellationToken).ConfigureAwait(false);
            _instance = running with { PublicIp = publicIp, ElasticIpAllocationId = allocationId };
        }

        var endpoint = Ec2SshEndpoint.For(_instance, _configuration) ?? throw new InvalidOperationException($"Instance {running.InstanceId} has no address to connect to.");
        Host = endpoint.Host;
        session.Provisioner.SshAccess = session.Access;
        var ready = await session.Provisioner.WaitForSshReadyAsync(running.InstanceId, endpoint.Host, endpoint.Port, _configuration.SshReadyTimeout, cancellationToken).ConfigureAwait(false);
        _observer!.SshReady(_time.GetElapsedTime(runningAt), running);
        HostKeyFingerprint = ready.HostKeyFingerprint;
        _ssh = new SshComputeTarget(endpoint.Connection(session.Access!, ready.HostKeyFingerprint), _time, _deps.LoggerFactory.CreateLogger<SshComputeTarget>());
        var result = await _ssh.PrepareAsync(context, cancellationToken).ConfigureAwait(false);
        _heartbeat?.Start(_ssh, running.InstanceId);
        return result;
    }

    private async ValueTask OnLaunchedAsync(Ec2InstanceInfo instance)
    {
        var session = _session!;
        _instance = instance;
        session.Resources.AddInstance(instance.InstanceId);
        _deps.Sessions?.Register(_sessionId, instance.Region, instance.InstanceId);
        Ec2ProcessExitGuard.Register(instance.InstanceId, token => session.Instances.TerminateAsync(instance.InstanceId, token), _logger);
        await _observer!.LaunchedAsync(instance).ConfigureAwait(false);
    }
}
