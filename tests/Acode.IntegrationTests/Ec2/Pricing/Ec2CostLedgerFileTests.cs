using Acode.Application.Compute.Ec2.Cost;
using Acode.Domain.Compute.Ec2;
using Acode.Domain.Compute.Ec2.Cost;
using Acode.Infrastructure.Compute.Ec2.Pricing;
using Microsoft.Extensions.Time.Testing;

namespace Acode.IntegrationTests.Ec2.Pricing;

/// <summary>FR-059: the local JSON record of accrued cost outlives the process that wrote it.</summary>
public sealed class Ec2CostLedgerFileTests : IDisposable
{
    private static readonly DateTimeOffset Launch = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("acode-ledger-");

    [Fact]
    public async Task Records_are_upserted_and_read_back_by_a_new_instance_newest_launch_first()
    {
        var path = Path.Combine(_folder.FullName, "state", "acode", Ec2CostLedgerFile.FileName);
        var ledger = new Ec2CostLedgerFile(path);
        await ledger.RecordAsync([Record("i-old", Launch.AddHours(-3), 0.5m), Record("i-new", Launch, 0.01m)]);
        await ledger.RecordAsync([Record("i-new", Launch, 0.02m) with { TerminatedAt = Launch.AddMinutes(10) }]);

        var read = await new Ec2CostLedgerFile(path).ReadAllAsync();

        Assert.Equal(["i-new", "i-old"], read.Select(r => r.InstanceId));
        Assert.Equal(Record("i-new", Launch, 0.02m) with { TerminatedAt = Launch.AddMinutes(10) }, read[0]);
        Assert.Equal(["ec2-costs.json", "ec2-costs.json.lock"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var json = await File.ReadAllTextAsync(path);
        Assert.Contains("\"lifecycle\": \"spot\"", json, StringComparison.Ordinal);
        Assert.Contains("\"accruedCost\": 0.02", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writers_lose_no_record()
    {
        var path = Path.Combine(_folder.FullName, Ec2CostLedgerFile.FileName);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => new Ec2CostLedgerFile(path).RecordAsync([Record($"i-{i:00}", Launch.AddSeconds(i), i)]))));

        Assert.Equal(20, (await new Ec2CostLedgerFile(path).ReadAllAsync()).Count);
    }

    [Fact]
    public async Task Terminated_records_older_than_the_retention_are_dropped_at_the_next_write()
    {
        var path = Path.Combine(_folder.FullName, Ec2CostLedgerFile.FileName);
        var time = new FakeTimeProvider(Launch);
        var ledger = new Ec2CostLedgerFile(path, time);
        await ledger.RecordAsync([Record("i-gone", Launch, 1m) with { TerminatedAt = Launch }, Record("i-running", Launch, 1m)]);

        time.Advance(Ec2CostLedgerFile.Retention + TimeSpan.FromDays(1));
        await ledger.RecordAsync([Record("i-later", time.GetUtcNow(), 0.1m)]);

        Assert.Equal(["i-later", "i-running"], (await ledger.ReadAllAsync()).Select(r => r.InstanceId));
    }

    [Fact]
    public async Task An_unwritable_folder_is_reported_not_thrown()
    {
        var blocker = Path.Combine(_folder.FullName, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var ledger = new Ec2CostLedgerFile(Path.Combine(blocker, Ec2CostLedgerFile.FileName));

        await ledger.RecordAsync([Record("i-1", Launch, 1m)]);

        Assert.Empty(await ledger.ReadAllAsync());
    }

    [Fact]
    public void The_default_path_follows_xdg_state_home()
    {
        var saved = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_STATE_HOME", "/srv/state");
            Assert.Equal("/srv/state/acode/ec2-costs.json", Ec2CostLedgerFile.DefaultPath());
            Environment.SetEnvironmentVariable("XDG_STATE_HOME", null);
            Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local/state/acode/ec2-costs.json"), Ec2CostLedgerFile.DefaultPath());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_STATE_HOME", saved);
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static Ec2CostRecord Record(string id, DateTimeOffset launch, decimal accrued) => new()
    {
        InstanceId = id,
        InstanceType = "c5.large",
        Region = "us-east-1",
        AvailabilityZone = "us-east-1a",
        Lifecycle = Ec2InstanceLifecycle.Spot,
        Discount = Ec2DiscountKind.Spot,
        InstanceHourlyRate = 0.03m,
        HourlyRate = 0.037m,
        LaunchTime = launch,
        LastSeen = launch.AddMinutes(5),
        AccruedCost = accrued,
    };
}
