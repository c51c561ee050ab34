using System.Globalization;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Application.Compute.Ec2.Diagnostics;

namespace Acode.Infrastructure.Compute.Ec2.Diagnostics;

/// <summary>
/// The full run of <c>acode target test ec2</c>: the whole lifecycle through a real target (provision, SSH,
/// <c>uname -a</c>, a file up and down, terminate) with a time per phase and what it cost. Terminate always runs.
/// </summary>
internal sealed class Ec2LifecycleSmokeTest(Ec2TargetDependencies dependencies)
{
    public async Task RunAsync(Ec2DiagnosticChecks checks, Ec2Configuration configuration, CancellationToken cancellationToken)
    {
        var time = dependencies.TimeProvider;
        var folder = Path.Combine(Path.GetTempPath(), "acode-target-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "README.txt"), "acode target test workspace\n", cancellationToken).ConfigureAwait(false);
        var started = time.GetTimestamp();
        var target = new Ec2ComputeTargetFactory(dependencies).Create(configuration);
        try
        {
            var ready = await checks.CheckAsync("provision (launch, running, SSH ready)", async () =>
            {
                var prepared = await target.PrepareAsync(new WorkspaceContext { LocalRoot = folder }, cancellationToken).ConfigureAwait(false);
                return ($"{target.Instance?.InstanceId} at {target.Host}, host key {target.HostKeyFingerprint}", prepared);
            }, "see the error: capacity (try another type or region), or SSH (the security group must allow port 22 from this machine)").ConfigureAwait(false);
            if (ready is null)
            {
                return;
            }

            await checks.CheckAsync("command (uname -a)", async () =>
            {
                var result = await target.ExecuteAsync("uname -a", null, cancellationToken).ConfigureAwait(false);
                return result.ExitCode == 0
                    ? (result.Stdout.Trim(), true)
                    : throw new InvalidOperationException($"exit code {result.ExitCode}: {result.Stderr.Trim()}");
            }, "the instance answers SSH but cannot run commands: check the AMI's shell").ConfigureAwait(false);

            var local = Path.Combine(folder, "probe.txt");
            var content = "acode target test " + Guid.NewGuid().ToString("N");
            await File.WriteAllTextAsync(local, content, cancellationToken).ConfigureAwait(false);
            await checks.CheckAsync("upload a file", async () =>
            {
                var moved = await target.UploadAsync(local, "acode-probe.txt", null, cancellationToken).ConfigureAwait(false);
                return ($"{moved.Bytes} B", true);
            }, "check free disk space on the instance").ConfigureAwait(false);
            await checks.CheckAsync("download it", async () =>
            {
                var back = Path.Combine(folder, "probe-back.txt");
                await target.DownloadAsync("acode-probe.txt", back, null, cancellationToken).ConfigureAwait(false);
                return await File.ReadAllTextAsync(back, cancellationToken).ConfigureAwait(false) == content
                    ? ("content identical", true)
                    : throw new InvalidOperationException("the file came back different");
            }, "check the instance's disk").ConfigureAwait(false);
        }
        finally
        {
            // Terminate on its own bounded token: a cancelled test still releases the instance.
            var instance = target.Instance;
            using var bounded = new CancellationTokenSource(Ec2TargetTimeouts.Cleanup, time);
            await checks.CheckAsync("terminate", async () =>
            {
                await target.TeardownAsync(bounded.Token).ConfigureAwait(false);
                await target.DisposeAsync().ConfigureAwait(false);
                return (instance is null ? "nothing launched" : $"{instance.InstanceId} terminated; temporary key pair and security group removed", true);
            }, "run 'acode target ec2 list' and 'acode target ec2 cleanup --yes' to remove what remains").ConfigureAwait(false);
            if (instance is not null)
            {
                checks.Add(Spent(configuration, instance.InstanceType, time.GetElapsedTime(started)));
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static Ec2DiagnosticCheck Spent(Ec2Configuration configuration, string instanceType, TimeSpan elapsed)
    {
        try
        {
            var cost = Ec2CostCalculator.Calculate(Ec2CostRequest.FromConfiguration(configuration with { InstanceType = instanceType }, elapsed));
            return new Ec2DiagnosticCheck
            {
                Name = "cost",
                Passed = true,
                Detail = string.Create(CultureInfo.InvariantCulture, $"${cost.TotalCost:0.0000} for {elapsed.TotalSeconds:0.0} s (billed {cost.BilledDuration.TotalSeconds:0} s at ${cost.HourlyRate:0.0000}/h)"),
                Duration = elapsed,
            };
        }
        catch (Ec2PriceUnknownException ex)
        {
            return new Ec2DiagnosticCheck { Name = "cost", Passed = true, Detail = "no offline price: " + ex.Message, Duration = elapsed };
        }
    }
}
