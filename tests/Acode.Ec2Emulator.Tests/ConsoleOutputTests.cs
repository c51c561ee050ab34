using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Ec2Emulator.Tests;

public sealed class ConsoleOutputTests
{
    [Fact]
    public async Task Console_output_is_absent_while_pending_then_carries_the_fingerprint_block()
    {
        await using var h = await EmulatorHarness.StartAsync(EmulatorHarness.Instant with { BootDelay = TimeSpan.FromMinutes(10) });
        var id = (await h.RunAsync()).InstanceId;
        Assert.Null((await h.Ec2.GetConsoleOutputAsync(new GetConsoleOutputRequest { InstanceId = id })).Output);

        h.Emulator.Settings = EmulatorHarness.Instant;
        id = (await h.RunAsync()).InstanceId;
        await h.WaitAsync(id, i => i.State.Name == InstanceStateName.Running);
        var output = await h.Ec2.GetConsoleOutputAsync(new GetConsoleOutputRequest { InstanceId = id });
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(output.Output));
        Assert.Contains("-----BEGIN SSH HOST KEY FINGERPRINTS-----", text, StringComparison.Ordinal);
        Assert.Matches(@"256 SHA256:[A-Za-z0-9+/]+ .*\(ED25519\)", text);
        Assert.Equal(id, output.InstanceId);
        await AssertEc2.FailsAsync("InvalidInstanceID.NotFound", () => h.Ec2.GetConsoleOutputAsync(new GetConsoleOutputRequest { InstanceId = "i-0123456789abcdef0" }));
    }
}
