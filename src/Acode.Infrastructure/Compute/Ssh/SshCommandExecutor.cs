using System.Globalization;
using System.Text;
using Acode.Application.Compute;
using Acode.Application.Security;
using Acode.Domain.Compute;
using Microsoft.Extensions.Logging;
using Renci.SshNet;

namespace Acode.Infrastructure.Compute.Ssh;

/// <summary>
/// Runs commands over a <see cref="SshSession"/>: wrapped in their own process group, output streamed and captured
/// bounded, timeout and cancellation enforced by killing the group over a second channel.
/// </summary>
internal sealed class SshCommandExecutor
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);
    private readonly SshSession _session;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _targetId;

    public SshCommandExecutor(SshSession session, string targetId, TimeProvider timeProvider, ILogger logger)
    {
        _session = session;
        _targetId = targetId;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Runs a user command in <paramref name="workingDirectory"/> (see <see cref="IComputeTarget.ExecuteAsync"/>).</summary>
    public async Task<ExecuteResult> ExecuteAsync(string command, string workingDirectory, ExecuteOptions options, CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.SshCommandStarting(_targetId, SecretRedactor.Redact(command));
        }

        var wrapped = RemoteCommandBuilder.Wrap(command, workingDirectory, options.Environment, options.StandardInput is not null);
        var started = _timeProvider.GetTimestamp();
        using var timeout = options.Timeout is { } limit ? new CancellationTokenSource(limit, _timeProvider) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        for (var attempt = 1; ; attempt++)
        {
            var client = await _session.GetClientAsync(_targetId, cancellationToken).ConfigureAwait(false);
            var run = new Run(options);
            try
            {
                return await RunAsync(client, run, wrapped, options, started, timeout, linked.Token, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt == 1 && !run.Started && SshSession.IsConnectionLost(ex))
            {
                // The connection was found dead before the wrapper reported its process group (e.g. sshd restarted
                // between commands): the channel almost certainly never opened, so the command runs once more.
                _session.Invalidate(client);
            }
            catch (Exception ex) when (SshSession.IsConnectionLost(ex))
            {
                _session.Invalidate(client);
                var configuration = _session.Configuration;
                throw new Application.Compute.Ssh.SshConnectionException(
                    configuration.Host, configuration.Port, $"The SSH connection to {configuration.Host}:{configuration.Port} broke while the command ran: {ex.Message}", ex);
            }
            finally
            {
                run.Command?.Dispose();
            }
        }
    }

    /// <summary>Runs a command of the target itself (no process group, no streaming) and returns stdout; non-zero exit throws.</summary>
    public async Task<string> RunInternalAsync(string commandText, CancellationToken cancellationToken)
    {
        var result = await ExecuteRawAsync(commandText, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Remote command failed with exit code {result.ExitCode}: {SecretRedactor.Redact(result.Stderr.Trim())}");
        }

        return result.Stdout;
    }

    /// <summary>Runs a command of the target itself and returns exit code and output.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> ExecuteRawAsync(string commandText, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var client = await _session.GetClientAsync(_targetId, cancellationToken).ConfigureAwait(false);
            try
            {
                using var command = client.CreateCommand(commandText);
                await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return (command.ExitStatus ?? -1, command.Result, command.Error);
            }
            catch (Exception ex) when (attempt == 1 && SshSession.IsConnectionLost(ex))
            {
                _session.Invalidate(client);
            }
        }
    }

    private async Task<ExecuteResult> RunAsync(
        SshClient client, Run run, string wrapped, ExecuteOptions options, long started,
        CancellationTokenSource timeout, CancellationToken stopToken, CancellationToken cancellationToken)
    {
        var command = client.CreateCommand(wrapped);
        run.Command = command;
        var execution = command.ExecuteAsync(CancellationToken.None);
        var stdoutTask = Task.Run(() => run.Stdout.RunAsync(command.OutputStream, CancellationToken.None), CancellationToken.None);
        var stderrTask = Task.Run(() => run.Stderr.RunAsync(command.ExtendedOutputStream, CancellationToken.None), CancellationToken.None);

        if (options.StandardInput is { } input)
        {
            await using var stdin = command.CreateInputStream();
            await stdin.WriteAsync(Encoding.UTF8.GetBytes(input), stopToken).ConfigureAwait(false);
        }

        var stopped = false;
        try
        {
            await execution.WaitAsync(stopToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            stopped = true;
            if (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                _logger.SshCommandTimedOut(_targetId, (long)options.Timeout!.Value.TotalMilliseconds, run.ProcessGroup);
            }

            await StopAsync(client, command, run, execution).ConfigureAwait(false);
        }

        if (!stopped)
        {
            // Surfaces a connection that broke during the command.
            await execution.ConfigureAwait(false);
        }

        await Task.WhenAll(stdoutTask, stderrTask).WaitAsync(StopGrace, _timeProvider, CancellationToken.None).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var timedOut = stopped;
        var exitCode = command.ExitStatus ?? -1;
        var duration = _timeProvider.GetElapsedTime(started);
        _logger.SshCommandCompleted(_targetId, exitCode, (long)duration.TotalMilliseconds);
        return new ExecuteResult(exitCode, run.Stdout.Text, run.Stderr.Text, duration, timedOut)
        {
            StdoutTruncated = run.Stdout.Truncated,
            StderrTruncated = run.Stderr.Truncated,
        };
    }

    private async Task StopAsync(SshClient client, SshCommand command, Run run, Task execution)
    {
        // Cleanup gets its own bounded token: the caller's is already cancelled.
        using var cleanup = new CancellationTokenSource(StopGrace, _timeProvider);
        try
        {
            var processGroup = await run.ProcessGroupTask.WaitAsync(cleanup.Token).ConfigureAwait(false);
            using var kill = client.CreateCommand(RemoteCommandBuilder.KillProcessGroup(processGroup));
            await kill.ExecuteAsync(cleanup.Token).ConfigureAwait(false);
            await execution.WaitAsync(cleanup.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.SshProcessGroupKillFailed(_targetId, run.ProcessGroup, ex);
            command.CancelAsync(forceKill: true);
        }
    }

    /// <summary>The per-attempt state of one command.</summary>
    private sealed class Run
    {
        private readonly TaskCompletionSource<int> _processGroup = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Run(ExecuteOptions options)
        {
            Stdout = new OutputPump(options.MaxCapturedChars, options.OnStdoutLine, header =>
                _processGroup.TrySetResult(int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var pgid) ? pgid : -1));
            Stderr = new OutputPump(options.MaxCapturedChars, options.OnStderrLine);
        }

        public SshCommand? Command { get; set; }

        public OutputPump Stdout { get; }

        public OutputPump Stderr { get; }

        public Task<int> ProcessGroupTask => _processGroup.Task;

        /// <summary>True once the wrapper reported its process group: the command is running remotely.</summary>
        public bool Started => _processGroup.Task.IsCompleted;

        public int ProcessGroup => _processGroup.Task.IsCompletedSuccessfully ? _processGroup.Task.Result : -1;
    }
}
