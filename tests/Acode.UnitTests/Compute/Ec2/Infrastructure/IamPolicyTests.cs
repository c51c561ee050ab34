using System.Text.Json;
using Acode.Infrastructure.Compute.Ec2.Iam;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

public sealed class IamPolicyTests
{
    private static readonly JsonElement[] Statements = LoadStatements();

    [Fact]
    public void Every_action_the_target_calls_is_granted()
    {
        var granted = Statements.SelectMany(Actions).ToHashSet(StringComparer.Ordinal);

        var missing = Ec2RequiredActions.Required.Concat(Ec2RequiredActions.Optional).Where(a => !granted.Contains(a)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Nothing_beyond_the_listed_actions_is_granted_and_no_wildcard_action()
    {
        var listed = Ec2RequiredActions.Required.Concat(Ec2RequiredActions.Optional).ToHashSet(StringComparer.Ordinal);

        var extra = Statements.SelectMany(Actions).Where(a => !listed.Contains(a)).ToList();

        Assert.Empty(extra);
        Assert.All(Statements, s => Assert.Equal("Allow", s.GetProperty("Effect").GetString()));
    }

    [Theory]
    [InlineData("ec2:TerminateInstances")]
    [InlineData("ec2:StopInstances")]
    [InlineData("ec2:StartInstances")]
    [InlineData("ec2:DeleteSecurityGroup")]
    [InlineData("ec2:DeleteKeyPair")]
    [InlineData("ec2:ReleaseAddress")]
    public void Destructive_actions_only_touch_acode_tagged_resources(string action)
    {
        var statement = Assert.Single(Statements, s => Actions(s).Contains(action));

        Assert.Equal("true", statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("ec2:ResourceTag/acode").GetString());
    }

    [Fact]
    public void Instances_and_volumes_can_only_be_launched_tagged_and_tags_only_set_while_creating()
    {
        var run = Assert.Single(Statements, s => Actions(s).Contains("ec2:RunInstances") && s.TryGetProperty("Condition", out _));
        Assert.Equal("true", run.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:RequestTag/acode").GetString());
        Assert.Contains("arn:aws:ec2:*:*:instance/*", Resources(run));

        var tag = Assert.Single(Statements, s => Actions(s).Contains("ec2:CreateTags"));
        var createActions = tag.GetProperty("Condition").GetProperty("StringEquals").GetProperty("ec2:CreateAction").EnumerateArray().Select(e => e.GetString());
        Assert.Contains("RunInstances", createActions);
    }

    private static JsonElement[] LoadStatements()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Acode.slnx")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "docs", "iam-policy.json")));
        Assert.Equal("2012-10-17", document.RootElement.GetProperty("Version").GetString());
        return document.RootElement.GetProperty("Statement").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static string[] Actions(JsonElement statement) => Strings(statement.GetProperty("Action"));

    private static string[] Resources(JsonElement statement) => Strings(statement.GetProperty("Resource"));

    private static string[] Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(e => e.GetString()!).ToArray() : [value.GetString()!];
}
