using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Diagnostics;
using Acode.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.UnitTests.Cli;

/// <summary><c>target test ec2</c> renders the diagnostics' checklist and fails when any check fails.</summary>
public sealed class TargetTestCommandTests
{
    [Fact]
    public async Task A_failed_check_shows_its_fix_and_makes_the_exit_code_non_zero()
    {
        var diagnostics = new FixedDiagnostics(
        [
            new Ec2DiagnosticCheck { Name = "credentials", Passed = true, Detail = "account 000000000000", Duration = TimeSpan.FromSeconds(1) },
            new Ec2DiagnosticCheck { Name = "RunInstances (DryRun)", Passed = false, Detail = "UnauthorizedOperation", Fix = "allow ec2:RunInstances (docs/iam-policy.json)" },
        ]);

        var (code, output, _) = await InProcessCli.RunAsync(
            ["target", "test", "ec2", "--dry-run", "--mode", "burst", "--region", "us-west-2"],
            services: s => s.AddSingleton<IEc2TargetDiagnostics>(diagnostics));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.True(diagnostics.DryRun);
        Assert.Equal("us-west-2", diagnostics.Configuration!.Region);
        Assert.Contains("[ok]   credentials: account 000000000000 (1s)", output, StringComparison.Ordinal);
        Assert.Contains("[FAIL] RunInstances (DryRun): UnauthorizedOperation", output, StringComparison.Ordinal);
        Assert.Contains("fix: allow ec2:RunInstances (docs/iam-policy.json)", output, StringComparison.Ordinal);
        Assert.Contains("1 check(s) failed.", output, StringComparison.Ordinal);
    }

    private sealed class FixedDiagnostics(IReadOnlyList<Ec2DiagnosticCheck> checks) : IEc2TargetDiagnostics
    {
        public bool DryRun { get; private set; }

        public Ec2Configuration? Configuration { get; private set; }

        public Task<IReadOnlyList<Ec2DiagnosticCheck>> RunAsync(Ec2Configuration configuration, bool dryRun, CancellationToken cancellationToken = default)
        {
            Configuration = configuration;
            DryRun = dryRun;
            return Task.FromResult(checks);
        }
    }
}
