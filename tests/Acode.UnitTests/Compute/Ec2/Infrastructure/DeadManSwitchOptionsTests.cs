using Acode.Infrastructure.Compute.Ec2.UserData;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

public sealed class DeadManSwitchOptionsTests
{
    [Fact]
    public void Poll_interval_is_a_quarter_of_the_timeout_capped_at_30_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new DeadManSwitchOptions("s", TimeSpan.FromHours(1), TimeSpan.FromMinutes(10)).PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), new DeadManSwitchOptions("s", TimeSpan.FromHours(1), TimeSpan.FromMinutes(1)).PollInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(500), new DeadManSwitchOptions("s", TimeSpan.FromHours(1), TimeSpan.FromSeconds(2)).PollInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(200), new DeadManSwitchOptions("s", TimeSpan.FromHours(1), TimeSpan.FromSeconds(2)) { PollInterval = TimeSpan.Zero }.PollInterval);
    }

    [Fact]
    public void The_heartbeat_file_is_named_after_a_sanitized_session()
    {
        var options = new DeadManSwitchOptions("team/a b'c", TimeSpan.FromHours(1), TimeSpan.FromMinutes(5));

        Assert.Equal("/var/tmp/acode-heartbeat-team-a-b-c", options.HeartbeatFilePath);
        Assert.Equal("touch -- '/var/tmp/acode-heartbeat-team-a-b-c'", HeartbeatCommand.For(options));
        Assert.Equal(TimeSpan.FromSeconds(100), options.RecommendedHeartbeatInterval);
    }

    [Fact]
    public void A_path_with_a_quote_is_quoted_for_the_shell()
    {
        var options = new DeadManSwitchOptions("s", TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)) { HeartbeatFilePath = "/tmp/it's" };

        Assert.Equal("touch -- '/tmp/it'\\''s'", HeartbeatCommand.For(options));
        Assert.Contains("'/tmp/it'\\''s'", DeadManSwitchScript.Build(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Sub_second_durations_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadManSwitchOptions("s", TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadManSwitchOptions("s", TimeSpan.Zero, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void The_script_carries_whole_second_settings_and_calls_shutdown_by_name()
    {
        var script = DeadManSwitchScript.Build(new DeadManSwitchOptions("s", TimeSpan.FromSeconds(90.5), TimeSpan.FromSeconds(2)));

        Assert.StartsWith("#!/bin/bash\n", script, StringComparison.Ordinal);
        Assert.Contains("+ 91 ))", script, StringComparison.Ordinal);
        Assert.Contains("'/var/tmp/acode-heartbeat-s' 2 0.5 ", script, StringComparison.Ordinal);
        Assert.Contains("shutdown -h now", script, StringComparison.Ordinal);
        Assert.DoesNotContain("/sbin/shutdown", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", script, StringComparison.Ordinal);
    }
}
