using Amazon.EC2;
using Amazon.EC2.Model;

namespace Acode.Benchmarks.CrashTrials;

/// <summary>What is left in the emulator: live instances, temp security groups, auto key pairs, and machine processes.</summary>
internal sealed record Census(HashSet<string> Instances, HashSet<string> AllInstances, HashSet<string> Groups, HashSet<string> KeyPairs)
{
    private static readonly HashSet<string> Ended = ["shutting-down", "terminated"];

    public static async Task<Census> TakeAsync(AmazonEC2Client ec2)
    {
        var instances = new HashSet<string>();
        var all = new HashSet<string>();
        foreach (var reservation in (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations ?? [])
        {
            foreach (var instance in reservation.Instances ?? [])
            {
                all.Add(instance.InstanceId);
                if (!Ended.Contains(instance.State.Name.Value))
                {
                    instances.Add(instance.InstanceId);
                }
            }
        }

        var groups = ((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups ?? [])
            .Where(g => g.GroupName.StartsWith("acode-", StringComparison.Ordinal)).Select(g => g.GroupId).ToHashSet();
        var keys = ((await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest())).KeyPairs ?? [])
            .Where(k => k.KeyName.StartsWith("acode-", StringComparison.Ordinal)).Select(k => k.KeyName).ToHashSet();
        return new Census(instances, all, groups, keys);
    }

    /// <summary>What is in this census and not in <paramref name="baseline"/>: the trial's own leftovers.</summary>
    public Leftovers Since(Census baseline, int acodeProcesses)
    {
        var trialInstances = AllInstances.Except(baseline.AllInstances).ToList();
        return new Leftovers(
            Instances.Except(baseline.Instances).Count(),
            Groups.Except(baseline.Groups).Count(),
            KeyPairs.Except(baseline.KeyPairs).Count(),
            MachineProcesses(trialInstances) + acodeProcesses);
    }

    /// <summary>Processes of the instances' machines: the marker in their environment, or (sshd) their folder on the command line.</summary>
    public static int MachineProcesses(IReadOnlyCollection<string> instanceIds)
    {
        if (instanceIds.Count == 0)
        {
            return 0;
        }

        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }

            var environ = Read(Path.Combine(dir, "environ"));
            var commandLine = Read(Path.Combine(dir, "cmdline"));
            if (instanceIds.Any(id => environ.Contains($"ACODE_EMULATOR_INSTANCE={id}/", StringComparison.Ordinal) || commandLine.Contains($"/{id}/", StringComparison.Ordinal)))
            {
                count++;
            }
        }

        return count;
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}

/// <summary>A trial's leftovers at one moment.</summary>
internal sealed record Leftovers(int Instances, int Groups, int KeyPairs, int Processes)
{
    public static Leftovers operator +(Leftovers a, Leftovers b) =>
        new(a.Instances + b.Instances, a.Groups + b.Groups, a.KeyPairs + b.KeyPairs, a.Processes + b.Processes);

    public override string ToString() => $"{Instances,4} {Groups,4} {KeyPairs,4} {Processes,5}";
}
