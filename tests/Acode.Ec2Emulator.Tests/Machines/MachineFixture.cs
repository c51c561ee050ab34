using System.Runtime.CompilerServices;
using Acode.Ec2Emulator.Machines;
using Renci.SshNet;

namespace Acode.Ec2EmulatorTests.Machines;

/// <summary>A machine host in a temp folder of its own, with a client key; disposal stops everything and removes the folder.</summary>
internal sealed class MachineFixture : IAsyncDisposable
{
    private int _instances;

    public MachineFixture(TimeProvider? timeProvider = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "acode-machines-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Keys = Path.Combine(Root, "keys");
        Directory.CreateDirectory(Keys);
        Key = ClientKey.Generate(Keys);
        Host = new MachineHost(new MachineHostOptions { WorkRoot = Path.Combine(Root, "machines") }, timeProvider ?? TimeProvider.System);
    }

    public string Root { get; }

    public string Keys { get; }

    public ClientKey Key { get; }

    public MachineHost Host { get; }

    public string NewInstanceId() =>
        $"i-{Random.Shared.Next():x8}{Interlocked.Increment(ref _instances):x9}";

    public Machine Create(string? userData = null, string? authorizedKey = null) => Host.Create(new MachineSpec
    {
        InstanceId = NewInstanceId(),
        UserName = "ec2-user",
        AuthorizedKey = authorizedKey ?? Key.PublicKeyLine,
        UserData = userData,
        Environment = new Dictionary<string, string> { ["ACODE_TEST_VALUE"] = "it's here" },
    });

    public async Task<Machine> BootAsync(string? userData = null)
    {
        var machine = Create(userData);
        await machine.BootAsync(Host.ReserveAddress());
        return machine;
    }

    /// <summary>Connects with SSH.NET; <paramref name="hostKey"/> receives the SHA256 fingerprint SSH.NET sees.</summary>
    public static async Task<SshClient> ConnectAsync(Machine machine, ClientKey key, StrongBox<string?>? hostKey = null)
    {
        var info = new ConnectionInfo(machine.Address!.ToString(), machine.SshPort, machine.LoginUserName,
            new PrivateKeyAuthenticationMethod(machine.LoginUserName, key.Open()))
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var client = new SshClient(info);
        client.HostKeyReceived += (_, e) =>
        {
            if (hostKey is not null)
            {
                hostKey.Value = e.FingerPrintSHA256;
            }

            e.CanTrust = true;
        };
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await client.ConnectAsync(timeout.Token);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static async Task<string> RunAsync(Machine machine, ClientKey key, string command)
    {
        using var client = await ConnectAsync(machine, key);
        using var result = client.RunCommand(command);
        Assert.True(result.ExitStatus == 0, $"'{command}' exited with {result.ExitStatus}: {result.Error}");
        return result.Result;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.DisposeAsync();
        }
        finally
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
