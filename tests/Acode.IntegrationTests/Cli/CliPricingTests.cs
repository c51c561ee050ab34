namespace Acode.IntegrationTests.Cli;

/// <summary><c>target ec2 cost</c> and <c>recommend</c>: offline, any mode; table and JSON checked against the catalogue.</summary>
public sealed class CliPricingTests
{
    [Fact]
    public async Task Cost_json_has_every_component_and_they_add_up()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("target", "ec2", "cost", "--instance-type", "t3.medium", "--region", "us-east-1", "--hours", "2", "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = result.Json();
        var root = json.RootElement;
        Assert.Equal(0.0416m, root.GetProperty("onDemandHourlyRate").GetDecimal());
        Assert.Equal(0.0416m, root.GetProperty("instanceHourlyRate").GetDecimal());
        Assert.Equal(7200, root.GetProperty("billedSeconds").GetDouble());
        var components = root.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("cost").GetDecimal());
        Assert.Equal(0.0832m, components["instance"]);
        Assert.Equal(0.01m, components["public IPv4"]);
        Assert.Equal(Math.Round(20m * 0.08m * 2m / 730m, 10), Math.Round(components["EBS gp3 20 GiB"], 10));
        Assert.Equal(components.Values.Sum(), root.GetProperty("totalCost").GetDecimal());
        Assert.Equal(Math.Round(0.0416m + 0.005m + (20m * 0.08m / 730m), 10), Math.Round(root.GetProperty("hourlyRate").GetDecimal(), 10));
        Assert.NotEmpty(root.GetProperty("assumptions").EnumerateArray());
    }

    [Fact]
    public async Task Cost_table_shows_components_rate_and_assumptions()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("target", "ec2", "cost", "--instance-type", "t3.medium", "--region", "us-east-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("instance        $0.0416/h  $0.0416", result.Out, StringComparison.Ordinal);
        Assert.Contains("public IPv4", result.Out, StringComparison.Ordinal);
        Assert.Contains("total           $0.0488/h  $0.0488", result.Out, StringComparison.Ordinal);
        Assert.Contains("Assumptions:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spot_cost_states_the_assumed_discount()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("target", "ec2", "cost", "--instance-type", "c5.large", "--region", "us-east-1", "--spot", "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = result.Json();
        Assert.Equal("spot", json.RootElement.GetProperty("discount").GetString());
        Assert.Equal(0.085m * 0.45m, json.RootElement.GetProperty("instanceHourlyRate").GetDecimal());
        Assert.Contains(json.RootElement.GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.Contains("55%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cost_of_an_unknown_type_is_exit_2_with_a_suggestion()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("target", "ec2", "cost", "--instance-type", "t3.mediun");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--instance-type", result.Error, StringComparison.Ordinal);
        Assert.Contains("t3.medium", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_json_lists_the_cheapest_fitting_types_first()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("target", "ec2", "recommend", "--cpus", "4", "--memory", "16", "--region", "us-east-1", "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = result.Json();
        var rows = json.RootElement.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("t3a.xlarge", rows[0].GetProperty("instanceType").GetString());
        Assert.Equal(0.1504m, rows[0].GetProperty("hourlyRate").GetDecimal());
        Assert.All(rows, r => Assert.True(r.GetProperty("vCpus").GetInt32() >= 4 && r.GetProperty("memoryGiB").GetDecimal() >= 16m));
        var rates = rows.Select(r => r.GetProperty("hourlyRate").GetDecimal()).ToList();
        Assert.Equal(rates.Order(), rates);
    }

    [Fact]
    public async Task Recommend_table_with_a_gpu_and_a_price_cap()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("target", "ec2", "recommend", "--cpus", "4", "--memory", "16", "--gpus", "1", "--max-price", "0.6", "--region", "us-east-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("g4dn.xlarge", result.Out, StringComparison.Ordinal);
        Assert.Contains("1x T4", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("g5.xlarge", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_with_nothing_fitting_says_so_and_fails()
    {
        using var cli = new CliProcess();

        var result = await cli.RunAsync("target", "ec2", "recommend", "--cpus", "64", "--memory", "16");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no catalogued instance type", result.Error, StringComparison.Ordinal);
    }
}
