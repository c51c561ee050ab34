using System.Diagnostics;
using Amazon.EC2.Model;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>
/// A process that launched an instance dies: on SIGTERM its process-exit hook terminates the instance; on SIGKILL
/// (nothing runs in the process) the instance's dead-man switch does.
/// </summary>
public sealed class Ec2ProcessDeathTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sigterm_runs_the_exit_hook_that_terminates_the_instance()
    {
        // A long heartbeat timeout: only the hook can explain a quick termination.
        var (process, instanceId) = await StartHostAsync(heartbeatTimeoutSeconds: 600);
        using (process)
        {
            Assert.Equal(0, Kill(process.Id, "TERM"));
            await process.WaitForExitAsync(new CancellationTokenSource(Deadline).Token);

            Assert.Contains(await StateAsync(instanceId), new[] { "shutting-down", "terminated" });
        }
    }

    [Fact]
    public async Task Sigkill_leaves_it_to_the_dead_man_switch()
    {
        var (process, instanceId) = await StartHostAsync(heartbeatTimeoutSeconds: 4);
        using (process)
        {
            process.Kill();
            await process.WaitForExitAsync();

            var started = Stopwatch.StartNew();
            var state = await StateAsync(instanceId);
            while (state == "running" && started.Elapsed < Deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
                state = await StateAsync(instanceId);
            }

            Assert.Contains(state, new[] { "shutting-down", "terminated" });
        }
    }

    private async Task<(Process Process, string InstanceId)> StartHostAsync(int heartbeatTimeoutSeconds)
    {
        // bin/<configuration>/<framework>/ of this project mirrors the host project's own output folder.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var host = Path.Combine(output.Parent!.Parent!.Parent!.Parent!.FullName, "Acode.Ec2TestHost", "bin", output.Parent.Name, output.Name, "Acode.Ec2TestHost.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

        // A killed runtime cannot remove its debugger pipes and diagnostic socket from the temp folder: make none.
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        foreach (var argument in new[] { host, fixture.Emulator.ServiceUrl.ToString(), heartbeatTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        try
        {
            using var timeout = new CancellationTokenSource(Deadline);
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("READY ", StringComparison.Ordinal))
                {
                    return (process, line["READY ".Length..]);
                }
            }

            throw new InvalidOperationException("The test host ended before it was ready: " + await process.StandardError.ReadToEndAsync(timeout.Token));
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    private static int Kill(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        return kill.ExitCode;
    }

    private async Task<string> StateAsync(string instanceId)
    {
        var response = await fixture.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] });
        return response.Reservations[0].Instances[0].State.Name.Value;
    }
}
