using System.Diagnostics;
using Acode.Infrastructure.Compute.Ec2.Keys;
using Acode.Infrastructure.Compute.Ec2.UserData;

namespace Acode.IntegrationTests.Ec2;

/// <summary>
/// Parses the assembled user data with Python's <c>email</c> package, the parser cloud-init itself uses
/// (<c>email.message_from_string</c> + <c>walk()</c>), and checks every part comes out with the right type and body.
/// </summary>
public sealed class UserDataMimeParsingTests
{
    private const string WalkParts = """
        import email, sys
        message = email.message_from_string(sys.stdin.read())
        for part in message.walk():
            if part.is_multipart():
                continue
            body = part.get_payload(decode=True).decode("utf-8")
            print(part.get_content_type(), part.get_filename(), body.splitlines()[0], sep="|")
        """;

    [Fact]
    public async Task Cloud_inits_parser_sees_every_part_including_nested_ones()
    {
        const string nested = "Content-Type: multipart/mixed; boundary=\"//\"\nMIME-Version: 1.0\n\n"
            + "--//\nContent-Type: text/cloud-config; charset=\"us-ascii\"\nContent-Disposition: attachment; filename=\"u.cfg\"\n\n#cloud-config\npackages: [git]\n"
            + "--//\nContent-Type: text/x-shellscript; charset=\"us-ascii\"\nContent-Disposition: attachment; filename=\"u.sh\"\n\n#!/bin/bash\necho nested\n"
            + "--//--\n";
        var data = UserDataBuilder.Build(new UserDataRequest
        {
            HostKey = SshKeyPairGenerator.GenerateEd25519("host"),
            DeadManSwitch = new DeadManSwitchOptions("s-1", TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
            UserUserData = nested,
        })!;

        var parts = await PythonAsync(data.Raw);

        Assert.Equal(
            [
                "text/x-shellscript|000-acode-dead-man-switch.sh|#!/bin/bash",
                "text/cloud-config|u.cfg|#cloud-config",
                "text/x-shellscript|u.sh|#!/bin/bash",
                "text/cloud-config|acode-host-key.cfg|#cloud-config",
            ],
            parts);
    }

    [Fact]
    public async Task A_non_ascii_user_script_survives_intact()
    {
        var data = UserDataBuilder.Build(new UserDataRequest
        {
            DeadManSwitch = new DeadManSwitchOptions("s-1", TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
            UserUserData = "#!/bin/bash — héllo\necho ok\n",
        })!;

        var parts = await PythonAsync(data.Raw);

        Assert.Equal("text/x-shellscript|user-data|#!/bin/bash — héllo", parts[1]);
    }

    private static async Task<string[]> PythonAsync(string input)
    {
        var start = new ProcessStartInfo("python3", ["-c", WalkParts])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = await process.StandardOutput.ReadToEndAsync(cts.Token);
        var error = await process.StandardError.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
