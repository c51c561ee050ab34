using System.Text.Json;
using Acode.Infrastructure.Compute.Ec2.Orphans;
using Microsoft.Extensions.Time.Testing;

namespace Acode.UnitTests.Compute.Ec2.Orphans;

/// <summary>The local session registry: alive = file present, same process (pid and start time), recent heartbeat.</summary>
public sealed class Ec2SessionRegistryTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "acode-sessions-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_registered_session_of_this_process_is_alive_until_removed()
    {
        var registry = new Ec2SessionRegistry(_directory, _time);

        var record = registry.Register("abc123", "us-east-1");
        var alive = registry.IsAlive("abc123");
        registry.Remove("abc123");

        Assert.True(alive);
        Assert.Equal(Environment.ProcessId, record.ProcessId);
        Assert.False(registry.IsAlive("abc123"));
        registry.Remove("abc123");
    }

    [Fact]
    public void A_stale_heartbeat_makes_it_dead_and_a_heartbeat_revives_it()
    {
        var registry = new Ec2SessionRegistry(_directory, _time, TimeSpan.FromMinutes(5));
        registry.Register("s-1", "us-east-1");

        _time.Advance(TimeSpan.FromMinutes(6));
        var stale = registry.IsAlive("s-1");
        var beat = registry.Heartbeat("s-1");

        Assert.False(stale);
        Assert.True(beat);
        Assert.True(registry.IsAlive("s-1"));
    }

    [Fact]
    public void A_record_of_another_process_start_or_a_dead_pid_is_not_alive()
    {
        var registry = new Ec2SessionRegistry(_directory, _time);
        var mine = registry.Register("reused", "us-east-1");
        Write(mine with { SessionId = "reused", ProcessStartTime = mine.ProcessStartTime.AddMinutes(-10) });
        Write(mine with { SessionId = "dead", ProcessId = int.MaxValue - 1 });

        Assert.False(registry.IsAlive("reused"));
        Assert.False(registry.IsAlive("dead"));
    }

    [Fact]
    public void The_instance_id_is_kept_across_registrations_and_files_are_private()
    {
        var registry = new Ec2SessionRegistry(_directory, _time);
        registry.Register("s-2", "eu-west-1");
        registry.Register("s-2", "eu-west-1", "i-0abc");
        registry.Register("s-2", "eu-west-1");

        Assert.Equal("i-0abc", registry.Find("s-2")?.InstanceId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "s-2.json")));
        }
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Session_ids_that_are_not_plain_names_are_never_alive_nor_registered(string sessionId)
    {
        var registry = new Ec2SessionRegistry(_directory, _time);

        Assert.False(registry.IsAlive(sessionId));
        Assert.Throws<ArgumentException>(() => registry.Register(sessionId, "us-east-1"));
    }

    [Fact]
    public void Garbage_in_a_record_reads_as_not_alive()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "junk.json"), "{ not json");

        Assert.False(new Ec2SessionRegistry(_directory, _time).IsAlive("junk"));
    }

    [Fact]
    public async Task The_heartbeat_keeps_it_fresh_on_the_timer_and_disposal_removes_it()
    {
        var registry = new Ec2SessionRegistry(_directory, _time, TimeSpan.FromMinutes(5));
        registry.Register("beating", "us-east-1");
        var heartbeat = registry.StartHeartbeat("beating", TimeSpan.FromMinutes(1));

        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var alive = registry.IsAlive("beating");
        var lastBeat = registry.Find("beating")?.HeartbeatAt;
        await heartbeat.DisposeAsync();

        Assert.True(alive);
        Assert.Equal(_time.GetUtcNow(), lastBeat);
        Assert.Equal(0, heartbeat.FailedBeats);
        Assert.False(File.Exists(Path.Combine(_directory, "beating.json")));
    }

    [Fact]
    public void The_default_folder_follows_xdg_state_home()
    {
        var custom = Ec2SessionRegistry.DefaultDirectory(name => name == "XDG_STATE_HOME" ? "/tmp/state" : null);
        var fallback = Ec2SessionRegistry.DefaultDirectory(_ => "relative/ignored");

        Assert.Equal(Path.Combine("/tmp/state", "acode", "sessions"), custom);
        Assert.EndsWith(Path.Combine(".local", "state", "acode", "sessions"), fallback, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private void Write(Ec2SessionRecord record) =>
        File.WriteAllText(Path.Combine(_directory, record.SessionId + ".json"), JsonSerializer.Serialize(record, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
}
