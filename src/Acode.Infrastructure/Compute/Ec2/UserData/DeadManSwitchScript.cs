using System.Globalization;

namespace Acode.Infrastructure.Compute.Ec2.UserData;

/// <summary>
/// Builds the <c>#!/bin/bash</c> user-data part that arms the dead-man switch on the instance.
/// </summary>
/// <remarks>
/// Why it looks the way it does:
/// <list type="bullet">
/// <item>cloud-init runs user scripts one after another and waits for each, capturing its output through pipes; so
/// the watcher is started with <c>setsid nohup</c>, in the background, with all three standard streams redirected away
/// from those pipes, and the user-data script itself returns at once.</item>
/// <item>The watcher polls with <c>sleep</c> and compares the heartbeat file's mtime (<c>stat -c %Y</c>, GNU
/// coreutils on Amazon Linux 2/2023 and Ubuntu) with <c>date +%s</c>; both come from the instance's clock. Before the
/// first heartbeat (and for a file left from an earlier boot) the watcher's own start time counts.</item>
/// <item>The hard cap is an absolute epoch computed when the user-data script runs.</item>
/// <item><c>shutdown</c> is called by name (not by path): the emulator puts shims for it first on PATH. When not root
/// it goes through <c>sudo -n</c>, which never prompts.</item>
/// </list>
/// The watcher is started once, at first boot (user scripts run once per instance): after a Stop and Start it is not
/// re-armed.
/// </remarks>
public static class DeadManSwitchScript
{
    /// <summary>Returns the script text.</summary>
    public static string Build(DeadManSwitchOptions options)
    {
        var timeoutSeconds = (long)Math.Ceiling(options.HeartbeatTimeout.TotalSeconds);
        var maxLifetimeSeconds = (long)Math.Ceiling(options.MaxLifetime.TotalSeconds);
        var interval = options.PollInterval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var heartbeat = ShellQuote.Quote(options.HeartbeatFilePath);
        var session = ShellQuote.Quote(options.SessionId);

        return $$"""
            #!/bin/bash
            # acode dead-man switch, session {{options.SessionId.ReplaceLineEndings(" ")}}.
            # Shuts this instance down when acode's heartbeat (the mtime of the file below) is older than
            # {{timeoutSeconds}} s, and in any case {{maxLifetimeSeconds}} s after this script ran. Launched with
            # InstanceInitiatedShutdownBehavior=terminate, shutting down terminates the instance.
            acode_deadman() {
              local heartbeat="$1" timeout="$2" interval="$3" deadline="$4" session="$5"
              local started now last reason
              started=$(date +%s)
              while :; do
                now=$(date +%s)
                if [ "$now" -ge "$deadline" ]; then
                  reason="maximum lifetime reached"
                  break
                fi
                last=$(stat -c %Y -- "$heartbeat" 2>/dev/null) || last=$started
                [ "$last" -ge "$started" ] 2>/dev/null || last=$started
                if [ $((now - last)) -ge "$timeout" ]; then
                  reason="no heartbeat for ${timeout}s"
                  break
                fi
                sleep "$interval"
              done
              logger -t acode-deadman "session $session: $reason, shutting down" 2>/dev/null || true
              if [ "$(id -u)" -eq 0 ]; then
                shutdown -h now || poweroff
              else
                sudo -n shutdown -h now || sudo -n poweroff
              fi
            }
            acode_deadline=$(( $(date +%s) + {{maxLifetimeSeconds}} ))
            acode_runner="${BASH:-bash}"
            acode_detach=(nohup)
            if command -v setsid >/dev/null 2>&1; then acode_detach=(setsid nohup); fi
            "${acode_detach[@]}" "$acode_runner" -c "$(declare -f acode_deadman); acode_deadman \"\$@\"" acode-deadman \
              {{heartbeat}} {{timeoutSeconds}} {{interval}} "$acode_deadline" {{session}} </dev/null >/dev/null 2>&1 &
            exit 0

            """;
    }
}
