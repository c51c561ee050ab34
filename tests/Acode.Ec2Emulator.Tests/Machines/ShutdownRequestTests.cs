using Acode.Ec2Emulator.Machines;

namespace Acode.Ec2EmulatorTests.Machines;

public sealed class ShutdownRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("poweroff", "PowerOff", 0)]
    [InlineData("halt", "PowerOff", 0)]
    [InlineData("halt -p", "PowerOff", 0)]
    [InlineData("shutdown -h now", "PowerOff", 0)]
    [InlineData("shutdown -P now", "PowerOff", 0)]
    [InlineData("shutdown now", "PowerOff", 0)]
    [InlineData("shutdown", "PowerOff", 60)]
    [InlineData("shutdown -h +5", "PowerOff", 300)]
    [InlineData("shutdown -h +0", "PowerOff", 0)]
    [InlineData("shutdown -h 21:45 going down", "PowerOff", 900)]
    [InlineData("shutdown -h 21:15", "PowerOff", 85500)]
    [InlineData("shutdown -c", "Cancel", 0)]
    [InlineData("shutdown -r now", "None", 0)]
    [InlineData("shutdown -k now", "None", 0)]
    [InlineData("shutdown -h soon", "None", 0)]
    [InlineData("reboot", "None", 0)]
    [InlineData("poweroff --reboot", "None", 0)]
    public void Parses_what_systemd_would_do(string command, string action, int delaySeconds)
    {
        var request = ShutdownRequest.Parse(command.Split(' '), Now);

        Assert.Equal(Enum.Parse<ShutdownAction>(action), request.Action);
        Assert.Equal(TimeSpan.FromSeconds(delaySeconds), request.Delay);
    }
}
