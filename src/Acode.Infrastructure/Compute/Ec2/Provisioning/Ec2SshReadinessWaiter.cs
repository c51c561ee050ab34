using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ssh;
using Acode.Infrastructure.Compute.Ec2.HostKeys;
using Acode.Infrastructure.Compute.Ec2.Keys;
using Acode.Infrastructure.Compute.Ssh;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Provisioning;

/// <summary>
/// Waits until an instance accepts SSH (FR-024..027, NFR-002): the first attempt at once, then up to
/// <c>sshRetryCount</c> more, each <c>sshRetryInterval</c> after the previous one started, all within the timeout.
/// Each attempt is a real connect, handshake, host-key check and authentication (the SSH target's probe), not a TCP
/// connect. Refused connections and refused keys (not installed yet) are retried; a wrong host key is not.
/// </summary>
internal sealed class Ec2SshReadinessWaiter
{
    private static readonly TimeSpan MaxProbeTimeout = TimeSpan.FromSeconds(15);

    private readonly IAmazonEC2 _ec2;
    private readonly Ec2Configuration _configuration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public Ec2SshReadinessWaiter(IAmazonEC2 ec2, Ec2Configuration configuration, TimeProvider time, ILogger logger)
    {
        _ec2 = ec2;
        _configuration = configuration;
        _time = time;
        _logger = logger;
    }

    public async Task<Ec2SshReadiness> WaitAsync(Ec2SshAccess access, string instanceId, string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var attempts = 0;
        string? lastError = null;
        ConsoleHostKeys? console = null;
        var expected = access.Verification == Ec2HostKeyVerification.Pinned ? access.PinnedFingerprint : null;
        try
        {
            while (true)
            {
                attempts++;
                var attemptStarted = _time.GetTimestamp();
                if (access.Verification == Ec2HostKeyVerification.ConsoleOutput && expected is null)
                {
                    console = await ReadConsoleAsync(instanceId, linked.Token).ConfigureAwait(false);
                    expected = console.Fingerprints.FirstOrDefault(f => f.KeyType == "ED25519")?.Fingerprint ?? (console.Found ? console.Fingerprints[0].Fingerprint : null);
                    lastError = expected is null ? "host key fingerprints not on the console yet" : null;
                }

                if (access.Verification != Ec2HostKeyVerification.ConsoleOutput || expected is not null)
                {
                    try
                    {
                        var probe = await SshComputeTarget.ProbeAsync(ProbeConfiguration(access, host, port, expected, timeout - _time.GetElapsedTime(started)), _time, _logger, linked.Token).ConfigureAwait(false);
                        var elapsed = _time.GetElapsedTime(started);
                        Ec2Log.SshReady(_logger, instanceId, host, port, attempts, elapsed);
                        return new Ec2SshReadiness(host, port, attempts, elapsed, access.Verification == Ec2HostKeyVerification.Off ? null : probe.HostKeyFingerprint);
                    }
                    catch (HostKeyMismatchException ex) when (console is not null && console.Fingerprints.Any(f => SshFingerprint.AreEqual(f.Fingerprint, ex.ActualFingerprint)))
                    {
                        // The server chose another of the key types the console announced: that one is trusted too.
                        expected = ex.ActualFingerprint;
                        attempts--;
                        continue;
                    }
                    catch (HostKeyMismatchException ex)
                    {
                        throw new Ec2HostKeyMismatchException(instanceId, host, expected ?? "(none)", ex.ActualFingerprint);
                    }
                    catch (SshConnectionException ex)
                    {
                        lastError = ex.Message;
                    }
                    catch (SshAuthenticationException)
                    {
                        // Until cloud-init has installed the key, sshd refuses it: retry.
                        lastError = $"the server refused the key for {access.Username}";
                    }
                }

                Ec2Log.SshNotReady(_logger, instanceId, host, port, attempts, lastError ?? "unknown");
                if (attempts > _configuration.SshRetryCount)
                {
                    throw new SshReadyTimeoutException(instanceId, host, port, attempts, _time.GetElapsedTime(started), lastError);
                }

                var wait = _configuration.SshRetryInterval - _time.GetElapsedTime(attemptStarted);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, linked.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SshReadyTimeoutException(instanceId, host, port, attempts, _time.GetElapsedTime(started), lastError);
        }
    }

    private static SshTargetConfiguration ProbeConfiguration(Ec2SshAccess access, string host, int port, string? expected, TimeSpan remaining) =>
        new Network.Ec2SshEndpoint(host, port).Connection(access, expected) with
        {
            ConnectTimeout = remaining > MaxProbeTimeout ? MaxProbeTimeout : remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1),
            KeepAliveInterval = TimeSpan.Zero,
        };

    private async Task<ConsoleHostKeys> ReadConsoleAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _ec2.GetConsoleOutputAsync(new GetConsoleOutputRequest { InstanceId = instanceId, Latest = true }, cancellationToken).ConfigureAwait(false);
            return ConsoleOutputHostKeyParser.ParseBase64(response.Output);
        }
        catch (AmazonServiceException ex) when (AwsErrorCodes.IsTransient(ex.ErrorCode))
        {
            return ConsoleHostKeys.None;
        }
    }
}
