using Acode.Application.Compute;
using Acode.Domain.Compute;

namespace Acode.UnitTests.Compute;

public sealed class ContractTypesTests
{
    [Theory]
    [InlineData(0, false, true)]
    [InlineData(1, false, false)]
    [InlineData(0, true, false)]
    public void Succeeded_needs_exit_zero_without_timeout(int exitCode, bool timedOut, bool succeeded) =>
        Assert.Equal(succeeded, new ExecuteResult(exitCode, "", "", TimeSpan.FromSeconds(1), timedOut).Succeeded);

    [Fact]
    public void Transfer_throughput_is_bytes_per_second()
    {
        Assert.Equal(512, new TransferResult(1024, 1, TimeSpan.FromSeconds(2), false).BytesPerSecond);
        Assert.Equal(0, new TransferResult(1024, 1, TimeSpan.Zero, false).BytesPerSecond);
    }

    [Fact]
    public void Option_defaults_keep_modes_no_verification_bounded_capture()
    {
        var execute = new ExecuteOptions();
        var transfer = new TransferOptions();
        var workspace = new WorkspaceContext();

        Assert.Equal(4 * 1024 * 1024, execute.MaxCapturedChars);
        Assert.Null(execute.Timeout);
        Assert.Empty(execute.Environment);
        Assert.True(transfer.PreserveModes);
        Assert.False(transfer.VerifyChecksum);
        Assert.False(workspace.KeepOnTeardown);
        Assert.Empty(workspace.SyncPaths);
    }

    [Fact]
    public void Invalid_configuration_lists_every_error()
    {
        var error = new InvalidConfigurationException(["a.b: must be set", "a.c: must be positive, got -1"]);

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("2 problems", error.Message, StringComparison.Ordinal);
        Assert.Contains("a.c: must be positive, got -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_ready_error_says_torn_down_after_teardown()
    {
        Assert.Contains("torn down", new TargetNotReadyException("t", ComputeTargetState.Terminated, "execute").Message, StringComparison.Ordinal);
        Assert.Contains("PrepareAsync", new TargetNotReadyException("t", ComputeTargetState.NotProvisioned, "execute").Message, StringComparison.Ordinal);
    }
}
