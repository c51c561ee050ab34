using System.Net;
using System.Security.Cryptography;
using Acode.Ec2Emulator.Machines;

namespace Acode.Ec2Emulator.Lifecycle;

/// <summary>
/// Public addresses in 127.0.0.0/8: from the machine host when machines run (it checks nothing else uses them),
/// else from a random allocator that only avoids 127.0.0.1 and its own earlier picks.
/// </summary>
internal sealed class AddressPool(MachineHost? host)
{
    private readonly HashSet<IPAddress> _used = [];
    private readonly Lock _gate = new();

    public IPAddress Reserve()
    {
        if (host is not null)
        {
            return host.ReserveAddress();
        }

        lock (_gate)
        {
            while (true)
            {
                var address = new IPAddress([127, (byte)RandomNumberGenerator.GetInt32(1, 255), (byte)RandomNumberGenerator.GetInt32(0, 256), (byte)RandomNumberGenerator.GetInt32(1, 255)]);
                if (_used.Add(address))
                {
                    return address;
                }
            }
        }
    }

    public void Release(IPAddress address)
    {
        if (host is not null)
        {
            host.ReleaseAddress(address);
            return;
        }

        lock (_gate)
        {
            _used.Remove(address);
        }
    }
}
