using System.Net;
using System.Net.Sockets;
using Acode.Application.Compute.Ec2;
using Acode.Ec2Emulator;
using Acode.Infrastructure.Compute.Ec2.Access;
using Acode.Infrastructure.Compute.Ec2.Credentials;

namespace Acode.Cli.Commands;

/// <summary>
/// How <c>acode exec --emulator</c> sets up its in-process emulator and points the EC2 configuration at it: short
/// boot and SSH delays and short poll intervals so the run is quick, and none of the configured AWS resource ids (an
/// AMI, subnet or group of a real account means nothing there).
/// </summary>
internal static class EmulatorRun
{
    /// <summary>The emulator's delays: long enough to show every phase, short enough for a quick demo.</summary>
    public static readonly EmulatorSettings Settings = new()
    {
        BootDelay = TimeSpan.FromMilliseconds(300),
        SshDelay = TimeSpan.FromMilliseconds(300),
        StopDelay = TimeSpan.FromMilliseconds(200),
        TerminateDelay = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>
    /// The emulator's options. As root its machines' sshd listen on port 22 and log in the AMI's user, as on EC2;
    /// otherwise sshd can only listen on a high port and log in the current user, so one free port is chosen for all
    /// machines (each has its own loopback address).
    /// </summary>
    public static EmulatorOptions Options(string region, TimeProvider time) => new()
    {
        Region = region,
        TimeProvider = time,
        Settings = Settings,
        MachineSshPort = Environment.IsPrivilegedProcess ? null : FreeLoopbackPort(),
    };

    /// <summary>The configuration pointed at <paramref name="emulator"/>, with short intervals and no AWS resource ids.</summary>
    public static Ec2Configuration Configure(Ec2Configuration configuration, Ec2Emulator.Ec2Emulator emulator, EmulatorOptions options) => configuration with
    {
        EndpointUrl = emulator.ServiceUrl,
        Region = emulator.Region,
        Profile = null,
        // An AMI id belongs to AWS; an alias (al2023, ubuntu-24.04, ...) resolves through the emulator's SSM.
        AmiId = Acode.Application.Compute.Ec2.Images.Ec2ImageAliases.Find(configuration.AmiId) is null ? null : configuration.AmiId,
        VpcId = null,
        SubnetId = null,
        SecurityGroupIds = [],
        KeyPairName = null,
        AutoKeyPair = null,
        PrivateKeyPath = null,
        InstanceProfileArn = null,
        ElasticIp = null,
        PollInterval = TimeSpan.FromMilliseconds(100),
        SshRetryInterval = TimeSpan.FromMilliseconds(200),
        SshPort = options.MachineSshPort ?? configuration.SshPort,
        SshUser = options.MachineSshPort is null ? configuration.SshUser : Environment.UserName,
    };

    /// <summary>The emulator's test key (<c>test</c>/<c>test</c>), given to the target instead of the SDK's chain.</summary>
    public static ResolvedAwsCredentials Credentials(EmulatorOptions options) =>
        Ec2StaticCredentials.Create(options.AccessKeyId, options.SecretAccessKey, options.Region, "the in-process emulator's test key");

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
