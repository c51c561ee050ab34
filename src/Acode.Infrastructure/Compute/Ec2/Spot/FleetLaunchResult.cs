using Acode.Application.Compute.Ec2.Spot;

namespace Acode.Infrastructure.Compute.Ec2.Spot;

/// <summary>What one EC2 Fleet over the spot attempts gave: the instance and the attempt (pool) it came from, or neither, with every pool it refused.</summary>
/// <typeparam name="T">What the fleet delegate returns for the launched instance.</typeparam>
/// <param name="Result">The launched instance; null when the fleet launched nothing.</param>
/// <param name="Attempt">The attempt (type and AZ) that launched; null when none did.</param>
/// <param name="Refused">The pools the fleet reported as failed, as attempts with AWS's error codes.</param>
public sealed record FleetLaunchResult<T>(T? Result, LaunchAttempt? Attempt, IReadOnlyList<LaunchFailure> Refused)
    where T : class;
