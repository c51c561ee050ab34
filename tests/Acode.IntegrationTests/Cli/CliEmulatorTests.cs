using System.Diagnostics;
using System.Text.Json;

namespace Acode.IntegrationTests.Cli;

/// <summary><c>acode emulator</c> in the foreground: announces its endpoint, answers EC2 requests, stops cleanly on SIGINT (exit 130, like every command).</summary>
public sealed class CliEmulatorTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Runs_until_sigint_and_prints_endpoint_and_test_credentials()
    {
        using var cli = new CliProcess();
        using var process = cli.Start("emulator", "--port", "0", "--output", "json");
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            // The announcement is one JSON object; read until it closes.
            var text = string.Empty;
            while (!text.TrimEnd().EndsWith('}'))
            {
                var line = await process.StandardOutput.ReadLineAsync(deadline.Token)
                    ?? throw new InvalidOperationException("acode emulator exited early: " + await process.StandardError.ReadToEndAsync(deadline.Token));
                text += line + "\n";
            }

            using var json = JsonDocument.Parse(text);
            var endpoint = new Uri(json.RootElement.GetProperty("endpoint").GetString()!);
            Assert.Equal("127.0.0.1", endpoint.Host);
            Assert.Equal("test", json.RootElement.GetProperty("accessKeyId").GetString());
            Assert.Equal("us-east-1", json.RootElement.GetProperty("region").GetString());

            // An unsigned request is refused the way EC2 refuses it: proof that the EC2 endpoint answers.
            using var http = new HttpClient();
            using var reply = await http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "DescribeRegions", ["Version"] = "2016-11-15" }), deadline.Token);
            Assert.Contains("<Response>", await reply.Content.ReadAsStringAsync(deadline.Token), StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(deadline.Token);
            }

            await process.WaitForExitAsync(deadline.Token);
            Assert.Equal(130, process.ExitCode);
            Assert.Contains("emulator stopped", await process.StandardError.ReadToEndAsync(deadline.Token), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task A_port_in_use_is_exit_2_naming_the_flag()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var cli = new CliProcess();

        var result = await cli.RunAsync("emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--port", result.Error, StringComparison.Ordinal);
    }
}
