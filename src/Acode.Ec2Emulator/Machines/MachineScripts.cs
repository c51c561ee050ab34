using System.Text;

namespace Acode.Ec2Emulator.Machines;

/// <summary>The shell scripts a machine carries: its shims, its session entry point and its user-data runner.</summary>
internal static class MachineScripts
{
    private static readonly string[] PowerCommands = ["shutdown", "poweroff", "halt"];

    /// <summary>Writes the shims (<c>shutdown</c>, <c>poweroff</c>, <c>halt</c>, <c>reboot</c>, <c>sudo</c>) and the session entry.</summary>
    public static void WriteShims(MachineLayout layout)
    {
        foreach (var command in PowerCommands)
        {
            Write(Path.Combine(layout.Bin, command), PowerShim(command, layout.PowerRequests, layout.InstanceId));
        }

        Write(Path.Combine(layout.Bin, "reboot"), RebootShim);

        Write(Path.Combine(layout.Bin, "sudo"), SudoShim);
        Write(layout.SessionEntry, SessionEntry(layout));
    }

    /// <summary>The environment file: one <c>export NAME='value'</c> line per variable.</summary>
    public static void WriteEnvironment(MachineLayout layout, IReadOnlyDictionary<string, string> environment)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in environment)
        {
            if (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]))
            {
                text.Append("export ").Append(name).Append('=').Append(Quote(value)).Append('\n');
            }
        }

        File.WriteAllText(layout.EnvironmentFile, text.ToString());
    }

    /// <summary>Runs each user-data script in order in HOME, as cloud-init's scripts_user does, logging failures.</summary>
    public static string WriteUserDataRunner(MachineLayout layout, IReadOnlyList<string> scripts)
    {
        var runner = new StringBuilder("#!/bin/sh\ncd \"$HOME\" || exit 1\n. ").Append(Quote(layout.EnvironmentFile)).Append('\n');
        for (var index = 0; index < scripts.Count; index++)
        {
            var part = Path.Combine(layout.Scripts, $"part-{index + 1:000}");
            Write(part, scripts[index]);
            runner.Append(Quote(part)).Append(" || echo \"cloud-init: user-data script ")
                .Append(Path.GetFileName(part)).Append(" failed with exit code $?\"\n");
        }

        var path = Path.Combine(layout.Scripts, "runcmd-user-scripts");
        Write(path, runner.ToString());
        return path;
    }

    public static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    private static void Write(string path, string content)
    {
        File.WriteAllText(path, content);
        UnixFiles.SetMode(path, UnixFiles.Executable);
    }

    // The request file is written aside and renamed in, so the emulator never reads half a request.
    private static string PowerShim(string command, string requests, string instanceId) => $$"""
        #!/bin/sh
        # Emulated {{command}}: asks the emulator to power this machine off. It never touches the real host.
        dir={{Quote(requests)}}
        id="{{instanceId}}.$(date +%s%N).$$"
        printf '%s\n' {{command}} "$@" > "$dir/.$id.tmp" && mv "$dir/.$id.tmp" "$dir/$id.req"

        """;

    private const string RebootShim = """
        #!/bin/sh
        # Emulated reboot: a real instance would come back with the same disk; this one simply keeps running.
        echo "reboot: emulated machine, nothing to do (it keeps running)" >&2

        """;

    private const string SudoShim = """
        #!/bin/sh
        # Emulated sudo: runs the command as the same user, so scripts written for a real instance work here and never
        # act on the real host.
        shell=0
        while [ $# -gt 0 ]; do
          case "$1" in
            --) shift; break ;;
            -u|-g|-C|-h|-p|-U|-D|-r|-t|-T) shift; [ $# -gt 0 ] && shift ;;
            -i|-s|--login|--shell) shell=1; shift ;;
            -*) shift ;;
            *) break ;;
          esac
        done
        if [ $# -eq 0 ]; then exec "${SHELL:-/bin/sh}"; fi
        if [ $shell = 1 ]; then exec "${SHELL:-/bin/sh}" -c "$*"; fi
        exec env "$@"

        """;

    // sshd runs this as ForceCommand: sshd changes into the passwd home, which all machines share, so the session
    // moves into the machine's HOME first. sftp arrives here as the subsystem command and is served from HOME too.
    private static string SessionEntry(MachineLayout layout) => $$"""
        #!/bin/sh
        cd "$HOME" || exit 1
        . {{Quote(layout.EnvironmentFile)}}
        if [ -z "${SSH_ORIGINAL_COMMAND+set}" ]; then exec "${SHELL:-/bin/sh}" -i; fi
        if [ "$SSH_ORIGINAL_COMMAND" = internal-sftp ]; then exec {{MachineConstants.SftpServerPath}} -d "$HOME"; fi
        exec "${SHELL:-/bin/sh}" -c "$SSH_ORIGINAL_COMMAND"

        """;
}
