using System.Diagnostics;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// One machine's <c>sshd -D -e</c>. Readiness is sshd's own "Server listening" line, which it prints right after
/// listen(), so no polling is needed; if sshd exits first its stderr becomes the error.
/// </summary>
internal sealed class SshdProcess
{
    private const int TailLines = 40;
    private static readonly TimeSpan ReaderGrace = TimeSpan.FromSeconds(2);
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SshdProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    /// <summary>The listener's process id, kept after the process object is gone.</summary>
    public int Pid { get; private set; }

    /// <summary>Starts sshd with the machine's marker in its environment, which every session then inherits.</summary>
    public static SshdProcess Start(MachineLayout layout, string marker)
    {
        var start = new ProcessStartInfo(MachineConstants.SshdPath)
        {
            RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { "-D", "-e", "-f", layout.SshdConfig })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[MachineConstants.InstanceMarkerVariable] = marker;
        var log = new StreamWriter(new FileStream(layout.SshdLog, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var sshd = new SshdProcess(process, log);
        process.ErrorDataReceived += (_, e) => sshd.OnLine(e.Data);
        process.OutputDataReceived += (_, e) => sshd.OnLine(e.Data);
        process.Exited += (_, _) => sshd.OnExited();
        process.Start();
        sshd.Pid = process.Id;
        process.StandardInput.Close();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return sshd;
    }

    /// <summary>Completes when sshd listens; throws <see cref="MachineBootException"/> with sshd's stderr if it exits first.</summary>
    public Task WaitListeningAsync(CancellationToken cancellationToken) => _listening.Task.WaitAsync(cancellationToken);

    /// <summary>The last lines sshd wrote, for error messages.</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    /// <summary>Kills sshd and waits until it is gone, so its port is free again.</summary>
    /// <remarks>
    /// Waits on the exit itself, not on <see cref="Process.WaitForExitAsync"/>, which also waits for the end of
    /// stderr: sshd's connection processes inherit that pipe and may hold it open a little longer.
    /// </remarks>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Posix.Kill(Pid, Posix.SigKill);
        await _exited.Task.WaitAsync(cancellationToken);
        _process.Dispose();
        lock (_tail)
        {
            _log.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }

            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // sshd's last words after the machine stopped; the tail keeps them.
            }
        }

        if (line.StartsWith("Server listening on ", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    private void OnExited()
    {
        _exited.TrySetResult();
        if (!_listening.Task.IsCompleted)
        {
            _ = FailReadinessAsync();
        }
    }

    private async Task FailReadinessAsync()
    {
        var code = "unknown";
        try
        {
            // Only the waits without a timeout, or this async one, drain the stderr reader: let it finish (briefly),
            // so the exception carries sshd's last words.
            using var grace = new CancellationTokenSource(ReaderGrace);
            await _process.WaitForExitAsync(grace.Token);
            code = _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // Still draining after the grace, or stopped and disposed meanwhile: report what we have.
        }

        _listening.TrySetException(new IOException($"sshd exited with code {code}: {Tail()}"));
    }

    /// <summary>True when sshd failed only because another process holds the address and port.</summary>
    public bool FailedOnAddressInUse => Tail().Contains("Address already in use", StringComparison.Ordinal);
}
