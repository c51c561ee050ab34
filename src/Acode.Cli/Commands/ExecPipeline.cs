using Acode.Application.Compute;
using Acode.Cli.CommandLine;
using Acode.Cli.Errors;
using Acode.Cli.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.Cli.Commands;

/// <summary>
/// The main job behind <c>acode exec</c>, on any <see cref="IComputeTarget"/>: prepare (uploading the workspace), run
/// with output streamed line by line, download, tear down. Teardown runs on its own bounded token, so Ctrl-C or a
/// failure still releases the target (an EC2 instance is terminated). Returns the remote command's exit code; acode's
/// own failures throw and become the codes of <see cref="ExitCodes"/>. The last line says which of the two it was.
/// </summary>
internal static class ExecPipeline
{
    /// <summary>How long teardown may take after the run, whatever happened to the run.</summary>
    public static readonly TimeSpan TeardownTimeout = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(CommandContext context, IComputeTarget target, ExecRequest request, CancellationToken cancellationToken)
    {
        var time = context.Host.Time;
        var error = context.Host.Error;
        var started = time.GetTimestamp();
        int? exitCode = null;
        Exception? failure = null;
        var events = context.Services.GetRequiredService<IEventPublisher>();
        using var progress = new Ec2ProgressReporter(events, error);
        using var leftovers = new ExecLeftovers(events, context.Host.Interruption);
        try
        {
            await error.WriteLineAsync($"acode: preparing the {target.TargetType} target and uploading {request.UploadFolder} ...");
            var prepared = await target.PrepareAsync(new WorkspaceContext { LocalRoot = request.UploadFolder, FileSet = request.FileSet, KeepOnTeardown = request.Keep }, cancellationToken);
            await error.WriteLineAsync($"acode: ready in {Durations.Format(prepared.Duration)}; uploaded {prepared.FilesUploaded} file(s), {Bytes(prepared.BytesUploaded)} to {prepared.RemoteRoot}");

            await error.WriteLineAsync($"acode: running {request.CommandLine}");
            var result = await target.ExecuteAsync(
                request.CommandLine,
                new ExecuteOptions { OnStdoutLine = context.Out.WriteLine, OnStderrLine = error.WriteLine },
                cancellationToken);

            // An interrupted command's status is the interruption's (a killed session reports 255 or -1), not its own.
            cancellationToken.ThrowIfCancellationRequested();
            var code = result.TimedOut ? ExitCodes.Timeout : result.ExitCode;

            foreach (var download in request.Downloads)
            {
                var moved = await target.DownloadAsync(download.Remote, download.Local, null, cancellationToken);
                await error.WriteLineAsync($"acode: downloaded {download.Remote} to {download.Local}: {moved.Files} file(s), {Bytes(moved.Bytes)}");
            }

            exitCode = code;
            return code;
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            if (await TeardownAsync(context, target, request.Keep))
            {
                leftovers.Released();
            }

            // The last line says how long and how much, and whose exit code it is: the remote command's or acode's.
            var elapsed = Durations.Format(time.GetElapsedTime(started));
            var outcome = exitCode is { } done ? $"finished in {elapsed}; remote command exited {done}" : Failed(context, failure, elapsed, cancellationToken.IsCancellationRequested);
            var cost = progress.CostSummary is { } spent ? "; " + spent : string.Empty;
            await error.WriteLineAsync($"acode: {outcome}{cost}");
        }
    }

    private static string Failed(CommandContext context, Exception? failure, string elapsed, bool cancelled)
    {
        var code = failure is null ? ExitCodes.Failure : ExitCodeMapper.Map(failure, cancelled).ExitCode;
        return code == ExitCodes.Interrupted
            ? $"interrupted after {elapsed} (exit {context.Host.Interruption.ExitCode}); the remote command did not finish"
            : $"acode failed after {elapsed} (exit {code}; the reason follows); the remote command did not finish";
    }

    // True when teardown completed: nothing the run started remains.
    private static async Task<bool> TeardownAsync(CommandContext context, IComputeTarget target, bool keep)
    {
        using var bounded = new CancellationTokenSource(TeardownTimeout, context.Host.Time);
        try
        {
            await context.Host.Error.WriteLineAsync(keep ? "acode: keeping the remote workspace (--keep)" : $"acode: tearing down the {target.TargetType} target ...");
            await target.TeardownAsync(bounded.Token);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Reported, not thrown: the run's own outcome (or exception) is what the exit code must carry.
            await context.Host.Error.WriteLineAsync(
                $"acode: WARNING: teardown failed ({e.Message}); remote resources may remain: check 'acode target ec2 list' and 'acode target ec2 cleanup'.");
            return false;
        }
        finally
        {
            await target.DisposeAsync();
        }
    }

    internal static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => FormattableString.Invariant($"{bytes / 1024.0:0.0} KiB"),
        _ => FormattableString.Invariant($"{bytes / (1024.0 * 1024.0):0.0} MiB"),
    };
}
