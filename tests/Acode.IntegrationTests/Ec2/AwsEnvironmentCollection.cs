namespace Acode.IntegrationTests.Ec2;

/// <summary>
/// Tests that change AWS_* environment variables, which are process-wide: they run alone, never beside other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AwsEnvironmentCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "AWS environment variables";
}
