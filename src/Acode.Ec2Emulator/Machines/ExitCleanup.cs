using System.Runtime.InteropServices;

namespace Acode.Ec2Emulator.Machines;

/// <summary>
/// Kills every machine process of the live hosts when the emulator's process exits or gets SIGTERM/SIGINT, so that
/// no sshd outlives it even when nobody disposed the host.
/// </summary>
internal static class ExitCleanup
{
    private static readonly HashSet<string> Nonces = [];
    private static readonly List<PosixSignalRegistration> Registrations = [];
    private static bool _hooked;

    public static void Register(string nonce)
    {
        lock (Nonces)
        {
            Nonces.Add(nonce);
            if (_hooked)
            {
                return;
            }

            _hooked = true;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
            foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
            {
                // The handler does not cancel the signal: the process still ends as it would have.
                Registrations.Add(PosixSignalRegistration.Create(signal, _ => KillAll()));
            }
        }
    }

    public static void Unregister(string nonce)
    {
        lock (Nonces)
        {
            Nonces.Remove(nonce);
        }
    }

    /// <summary>The marker suffix shared by every process of one host.</summary>
    public static string Suffix(string nonce) => "/" + nonce;

    private static void KillAll()
    {
        string[] nonces;
        lock (Nonces)
        {
            nonces = [.. Nonces];
        }

        if (nonces.Length > 0)
        {
            MarkedProcesses.KillAll(marker => nonces.Any(n => marker.EndsWith(Suffix(n), StringComparison.Ordinal)));
        }
    }
}
