using System.Net;
using System.Net.Sockets;

namespace Acode.Infrastructure.Compute.Ec2.Network;

/// <summary>
/// Learns which CIDR a temporary security group should let SSH in from when <c>sshSourceCidrs</c> is not set: this
/// machine's own address /32. Against a loopback endpoint (the emulator) that is 127.0.0.1/32; against AWS it is the
/// public address as AWS's own <c>checkip</c> service sees it. Never widens to 0.0.0.0/0 by itself.
/// </summary>
public sealed class Ec2CallerAddress
{
    /// <summary>AWS's service that answers with the caller's public IPv4 address.</summary>
    public static readonly Uri CheckIpUrl = new("https://checkip.amazonaws.com/");

    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);
    private readonly HttpClient _http;

    /// <summary>Initializes a new instance of the <see cref="Ec2CallerAddress"/> class.</summary>
    public Ec2CallerAddress(HttpClient? http = null)
    {
        _http = http ?? new HttpClient { Timeout = LookupTimeout };
    }

    /// <summary>The CIDRs to allow: configured ones as given, else this machine's address /32.</summary>
    /// <exception cref="InvalidOperationException">Nothing configured and the address could not be learned.</exception>
    public async Task<IReadOnlyList<string>> SourceCidrsAsync(IReadOnlyList<string> configured, Uri? endpointUrl, CancellationToken cancellationToken = default)
    {
        if (configured.Count > 0)
        {
            return configured;
        }

        if (Ec2LocalEndpoint.IsLocal(endpointUrl))
        {
            return ["127.0.0.1/32"];
        }

        try
        {
            var text = (await _http.GetStringAsync(CheckIpUrl, cancellationToken).ConfigureAwait(false)).Trim();
            if (IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork)
            {
                return [address + "/32"];
            }
        }
        catch (HttpRequestException)
        {
            // Reported below with what to do.
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: reported below.
        }

        throw new InvalidOperationException(
            "ec2Target.sshSourceCidrs: could not learn this machine's public address for the temporary security group. "
            + "Set ec2Target.sshSourceCidrs (e.g. [203.0.113.7/32]); acode never opens SSH to 0.0.0.0/0 on its own.");
    }
}
