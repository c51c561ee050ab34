using Acode.Cli.Output;

namespace Acode.Cli.Commands;

/// <summary>Renders <see cref="Ec2InstanceRow"/>s as a table.</summary>
internal static class Ec2InstanceTable
{
    public static void Write(TextWriter writer, IEnumerable<Ec2InstanceRow> rows)
    {
        var table = new TextTable("INSTANCE", "TYPE", "REGION", "STATE", "AGE", "ADDRESS", "PRICING", "RATE", "COST SO FAR", "ORPHAN");
        foreach (var row in rows)
        {
            table.Add(
                row.InstanceId,
                row.InstanceType,
                row.Region,
                row.State,
                Durations.Format(TimeSpan.FromSeconds(row.AgeSeconds)),
                row.PublicIp ?? row.PrivateIp ?? "-",
                row.Spot ? "spot" : "on-demand",
                row.HourlyRate is { } rate ? Money.Hourly(rate) : "unknown",
                row.CostSoFar is { } cost ? Money.Format(cost) : Money.Unknown,
                row.Orphan ? "yes" : "no");
        }

        table.WriteTo(writer);
    }
}
