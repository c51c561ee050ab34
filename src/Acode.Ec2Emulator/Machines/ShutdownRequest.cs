using System.Globalization;

namespace Acode.Ec2Emulator.Machines;

/// <summary>What a <c>shutdown</c>, <c>poweroff</c>, <c>halt</c> or <c>reboot</c> run inside a machine asks for.</summary>
internal sealed record ShutdownRequest(ShutdownAction Action, TimeSpan Delay = default)
{
    private static readonly ShutdownRequest Now = new(ShutdownAction.PowerOff);
    private static readonly ShutdownRequest Ignored = new(ShutdownAction.None);

    /// <summary>
    /// Parses the shim's request: the command name, then its arguments. <c>shutdown</c> follows systemd: no time means
    /// +1 minute, <c>now</c>, <c>+N</c> minutes or <c>HH:MM</c>; <c>-c</c> cancels; <c>-r</c> (reboot) and <c>-k</c>
    /// (warn only) do not power off.
    /// </summary>
    public static ShutdownRequest Parse(IReadOnlyList<string> command, DateTimeOffset localNow)
    {
        if (command.Count == 0)
        {
            return Ignored;
        }

        var arguments = command.Skip(1).ToList();
        var reboot = arguments.Any(a => a is "-r" or "--reboot");
        return command[0] switch
        {
            "poweroff" or "halt" => reboot || arguments.Contains("--help") ? Ignored : Now,
            "shutdown" => ParseShutdown(arguments, reboot, localNow),
            _ => Ignored,
        };
    }

    private static ShutdownRequest ParseShutdown(List<string> arguments, bool reboot, DateTimeOffset localNow)
    {
        if (arguments.Contains("-c"))
        {
            return new ShutdownRequest(ShutdownAction.Cancel);
        }

        if (reboot || arguments.Any(a => a is "-k" or "--help" or "--show"))
        {
            return Ignored;
        }

        var time = arguments.FirstOrDefault(a => !a.StartsWith('-'));
        var delay = time switch
        {
            null => TimeSpan.FromMinutes(1),
            "now" => TimeSpan.Zero,
            _ when time.StartsWith('+') && int.TryParse(time[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) =>
                TimeSpan.FromMinutes(minutes),
            _ when TimeOnly.TryParseExact(time, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) =>
                UntilNext(at, localNow),
            _ => (TimeSpan?)null,
        };
        return delay is { } d ? new ShutdownRequest(ShutdownAction.PowerOff, d) : Ignored;
    }

    private static TimeSpan UntilNext(TimeOnly at, DateTimeOffset localNow)
    {
        var until = at.ToTimeSpan() - localNow.TimeOfDay;
        return until < TimeSpan.Zero ? until + TimeSpan.FromDays(1) : until;
    }
}
