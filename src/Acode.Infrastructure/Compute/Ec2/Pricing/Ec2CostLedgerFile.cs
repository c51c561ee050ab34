using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Acode.Application.Compute.Ec2.Cost;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Acode.Infrastructure.Compute.Ec2.Pricing;

/// <summary>
/// The local record of accrued cost per instance (FR-059): a JSON file, by default
/// <c>$XDG_STATE_HOME/acode/ec2-costs.json</c> (else <c>~/.local/state/acode/ec2-costs.json</c>). Each write reads the
/// file, replaces the given instances' records and writes a temporary file that is renamed over the old one, so a
/// reader never sees half a file; a lock file serialises writers across processes. Records of instances terminated
/// more than <see cref="Retention"/> ago are dropped. Failures are logged and swallowed: bookkeeping never breaks a run.
/// </summary>
public sealed class Ec2CostLedgerFile : IEc2CostLedger
{
    /// <summary>The file's name inside the acode state folder.</summary>
    public const string FileName = "ec2-costs.json";

    /// <summary>How long a terminated instance's record is kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(25);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    // One writer per file within the process; the lock file keeps other processes out.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);

    /// <summary>Creates the ledger.</summary>
    /// <param name="path">The file; <see cref="DefaultPath"/> when null.</param>
    /// <param name="timeProvider">The clock for retention and lock retries; the system clock when null.</param>
    /// <param name="logger">The logger.</param>
    public Ec2CostLedgerFile(string? path = null, TimeProvider? timeProvider = null, ILogger<Ec2CostLedgerFile>? logger = null)
    {
        Path = path ?? DefaultPath();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The default file: under <c>XDG_STATE_HOME</c> when set (and absolute), else <c>~/.local/state</c>.</summary>
    public static string DefaultPath()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var root = !string.IsNullOrEmpty(state) && System.IO.Path.IsPathRooted(state)
            ? state
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return System.IO.Path.Combine(root, "acode", FileName);
    }

    /// <inheritdoc />
    public async Task RecordAsync(IReadOnlyList<Ec2CostRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var writer = Writers.GetOrAdd(System.IO.Path.GetFullPath(Path), _ => new SemaphoreSlim(1, 1));
        await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var folder = System.IO.Path.GetDirectoryName(Path)!;
            Directory.CreateDirectory(folder);
            await using var fileLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
            var byId = (await ReadFileAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.InstanceId, StringComparer.Ordinal);
            foreach (var record in records)
            {
                byId[record.InstanceId] = record;
            }

            var cutoff = _time.GetUtcNow() - Retention;
            var kept = byId.Values.Where(r => r.TerminatedAt is not { } t || t >= cutoff).OrderByDescending(r => r.LaunchTime).ToList();
            var temporary = Path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(new LedgerDocument(kept), Json), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or TimeoutException)
        {
            foreach (var record in records)
            {
                Ec2Log.CostLedgerWriteFailed(_logger, record.InstanceId, Path, e.Message);
            }
        }
        finally
        {
            writer.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Ec2CostRecord>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        (await ReadFileAsync(cancellationToken).ConfigureAwait(false)).OrderByDescending(r => r.LaunchTime).ToList();

    private async Task<IReadOnlyList<Ec2CostRecord>> ReadFileAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var document = await JsonSerializer.DeserializeAsync<LedgerDocument>(stream, Json, cancellationToken).ConfigureAwait(false);
        return document?.Instances ?? [];
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        while (true)
        {
            try
            {
                return new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (_time.GetElapsedTime(start) < LockWait)
            {
                await Task.Delay(LockRetry, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private sealed record LedgerDocument(IReadOnlyList<Ec2CostRecord> Instances)
    {
        public int Version { get; init; } = 1;
    }
}
