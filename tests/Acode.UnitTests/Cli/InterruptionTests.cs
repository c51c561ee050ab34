using System.Runtime.InteropServices;
using Acode.Cli;
using Acode.Cli.Hosting;

namespace Acode.UnitTests.Cli;

public sealed class InterruptionTests
{
    [Fact]
    public void The_first_signal_cancels_and_keeps_the_process_a_second_one_does_not()
    {
        using var interruption = new Interruption();

        Assert.True(interruption.OnSignal(PosixSignal.SIGINT));
        Assert.True(interruption.Token.IsCancellationRequested);
        Assert.False(interruption.OnSignal(PosixSignal.SIGTERM));
        Assert.Equal(PosixSignal.SIGINT, interruption.Signal);
    }

    [Theory]
    [InlineData(PosixSignal.SIGINT, ExitCodes.Interrupted)]
    [InlineData(PosixSignal.SIGTERM, ExitCodes.Terminated)]
    public void The_exit_code_is_128_plus_the_first_signal(PosixSignal signal, int expected)
    {
        using var interruption = new Interruption();

        interruption.OnSignal(signal);

        Assert.Equal(expected, interruption.ExitCode);
    }

    [Fact]
    public void Leaving_names_what_was_started_and_not_released()
    {
        using var interruption = new Interruption();
        interruption.Started("i-1", "instance i-1 in eu-central-1");
        interruption.Started("i-2", "instance i-2 in eu-central-1");
        interruption.Released("i-2");

        var lines = interruption.LeavingLines().ToList();

        Assert.Contains("acode: may remain: instance i-1 in eu-central-1", lines);
        Assert.DoesNotContain(lines, l => l.Contains("i-2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("cleanup", StringComparison.Ordinal));
    }

    [Fact]
    public void Leaving_with_nothing_started_names_nothing()
    {
        using var interruption = new Interruption();

        Assert.Single(interruption.LeavingLines());
    }
}
