using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// The loopback addresses handed to machines, shared by every <see cref="MachineHost"/> of the process so that two
/// emulators in one test run never give out the same address. Other processes are kept out by a test bind.
/// </summary>
internal static class LoopbackAddresses
{
    private const int MaxAttempts = 1000;
    private static readonly HashSet<IPAddress> Reserved = [];

    /// <summary>Picks a random 127.a.b.c (not 127.0.0.1, last byte 1..254) free on <paramref name="port"/> (0 = any port).</summary>
    public static IPAddress Reserve(int port)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var address = new IPAddress(new byte[]
            {
                127, (byte)RandomNumberGenerator.GetInt32(0, 256), (byte)RandomNumberGenerator.GetInt32(0, 256),
                (byte)RandomNumberGenerator.GetInt32(1, 255),
            });
            if (address.Equals(IPAddress.Loopback))
            {
                continue;
            }

            lock (Reserved)
            {
                if (!Reserved.Contains(address) && CanBind(address, port))
                {
                    Reserved.Add(address);
                    return address;
                }
            }
        }

        throw new InvalidOperationException("no free loopback address found");
    }

    public static void Release(IPAddress address)
    {
        lock (Reserved)
        {
            Reserved.Remove(address);
        }
    }

    /// <summary>A free TCP port on <paramref name="address"/>, for sshd when it cannot have port 22.</summary>
    public static int FreePort(IPAddress address)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>Binds as sshd does (SO_REUSEADDR), so only a live listener makes the address count as taken.</summary>
    private static bool CanBind(IPAddress address, int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
