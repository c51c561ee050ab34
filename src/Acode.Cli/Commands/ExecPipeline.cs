using Acode.Application.Compute;
using Acode.Cli.CommandLine;
using Acode.Cli.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.Cli.Commands;

/// <summary>
/// The main job behind <c>acode exec</c>, on any <see cref="IComputeTarget"/>: prepare (uploading the workspace), run
/// with output streamed line by line, download, tear down. Teardown runs on its own bounded token, so Ctrl-C or a
/// failure still releases the target (an EC2 instance is terminated). Returns the remote command's exit code.
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
        using var progress = new Ec2ProgressReporter(context.Services.GetRequiredService<IEventPublisher>(), error);
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
            var code = result.TimedOut ? ExitCodes.Timeout : result.ExitCode;

            foreach (var download in request.Downloads)
            {
                var moved = await target.DownloadAsync(download.Remote, download.Local, null, cancellationToken);
                await error.WriteLineAsync($"acode: downloaded {download.Remote} to {download.Local}: {moved.Files} file(s), {Bytes(moved.Bytes)}");
            }

            exitCode = code;
            return code;
        }
        finally
        {
            await TeardownAsync(context, target, request.Keep);

            // The last line says how long and how much, whether the run finished, failed or was interrupted.
            var outcome = exitCode is { } done ? $"finished in {Durations.Format(time.GetElapsedTime(started))}; remote exit code {done}" : $"stopped after {Durations.Format(time.GetElapsedTime(started))}";
            var cost = progress.CostSummary is { } spent ? "; " + spent : string.Empty;
            await error.WriteLineAsync($"acode: {outcome}{cost}");
        }
    }

    private static async Task TeardownAsync(CommandContext context, IComputeTarget target, bool keep)
    {
        using var bounded = new CancellationTokenSource(TeardownTimeout, context.Host.Time);
        try
        {
            await context.Host.Error.WriteLineAsync(keep ? "acode: keeping the remote workspace (--keep)" : $"acode: tearing down the {target.TargetType} target ...");
            await target.TeardownAsync(bounded.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Reported, not thrown: the run's own outcome (or exception) is what the exit code must carry.
            await context.Host.Error.WriteLineAsync(
                $"acode: WARNING: teardown failed ({e.Message}); remote resources may remain: check 'acode target ec2 list' and 'acode target ec2 cleanup'.");
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
