using Acode.Domain.Compute.Ec2;

namespace Acode.Cli.Output;

/// <summary>Instance states as EC2 spells them (<c>shutting-down</c>, not <c>ShuttingDown</c>).</summary>
internal static class Ec2StateNames
{
    public static string Format(Ec2InstanceState state) =>
        state == Ec2InstanceState.ShuttingDown ? "shutting-down" : state.ToString().ToLowerInvariant();
}
