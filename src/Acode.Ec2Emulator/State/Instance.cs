using System.Net;
using Acode.Ec2Emulator.Catalog;
using Acode.Ec2Emulator.Machines;

namespace Acode.Ec2Emulator.State;

/// <summary>An emulated instance; mutated only under <see cref="EmulatorState.Gate"/>.</summary>
internal sealed class Instance
{
    public required string Id { get; init; }
    public required string ReservationId { get; init; }
    public required ImageRecord Image { get; init; }
    public required InstanceTypeInfo Type { get; init; }
    public required SubnetRecord Subnet { get; init; }
    public required string PrivateIp { get; init; }
    public required string NetworkInterfaceId { get; init; }
    public required List<SecurityGroupRecord> Groups { get; init; }
    public string? KeyName { get; init; }
    public string? ClientToken { get; init; }
    public int AmiLaunchIndex { get; init; }
    public string? UserData { get; init; }
    public string? IamInstanceProfileArn { get; init; }
    public string ShutdownBehavior { get; set; } = "stop";
    public bool AssociatePublicIp { get; init; } = true;
    public string HttpTokens { get; init; } = "optional";
    public int HttpPutResponseHopLimit { get; init; } = 1;
    public string HttpEndpoint { get; init; } = "enabled";
    public SpotRequestRecord? SpotRequest { get; set; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public List<VolumeRecord> Volumes { get; } = [];

    public DateTimeOffset LaunchTime { get; set; }
    public InstanceState State { get; set; } = InstanceState.Pending;
    public string? StateReasonCode { get; set; } = "pending";
    public string? StateReasonMessage { get; set; } = "pending";
    public string Reason { get; set; } = string.Empty;
    public DateTimeOffset? TerminatedAt { get; set; }
    public bool HasBooted { get; set; }

    /// <summary>Bumped on every state change so stale background transitions give up.</summary>
    public int Generation { get; set; }

    /// <summary>The auto-assigned address, reserved at launch/start, released at stop/terminate.</summary>
    public IPAddress? AutoAddress { get; set; }
    public AddressRecord? ElasticIp { get; set; }
    public Machine? Machine { get; set; }

    /// <summary>Serialises boot/halt/destroy of this instance's machine.</summary>
    public SemaphoreSlim MachineOps { get; } = new(1, 1);

    /// <summary>A scheduled spot interruption: the action and when it happens.</summary>
    public (string Action, DateTimeOffset Time)? SpotAction { get; set; }

    public string? RoleName => IamInstanceProfileArn?[(IamInstanceProfileArn.LastIndexOf('/') + 1)..];

    /// <summary>The address the machine listens on: the Elastic IP if any, else the auto-assigned one.</summary>
    public IPAddress? HostAddress => ElasticIp?.Address ?? AutoAddress;

    /// <summary>The public address callers see: only once running (or while leaving running).</summary>
    public string? PublicIp =>
        State == InstanceState.Pending && !HasBooted ? null
        : State == InstanceState.Terminated || State == InstanceState.Stopped ? ElasticIp?.Address.ToString()
        : ElasticIp?.Address.ToString() ?? (AssociatePublicIp ? AutoAddress?.ToString() : null);

    public bool IsSpot => SpotRequest is not null;
}
