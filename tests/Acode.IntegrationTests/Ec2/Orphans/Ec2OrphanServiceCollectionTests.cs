using Acode.Application.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Orphans;
using Microsoft.Extensions.DependencyInjection;

namespace Acode.IntegrationTests.Ec2.Orphans;

/// <summary>The DI registration the CLI uses: the contract resolves, sweeps through the factory's client, and disposes it.</summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class Ec2OrphanServiceCollectionTests
{
    [Fact]
    public async Task The_registered_detector_finds_and_cleans_orphans_through_the_factory_client()
    {
        await using var scenario = await OrphanScenario.StartAsync();
        var orphan = (await scenario.LaunchAsync(1, OrphanScenario.AcodeTags("s"), TimeSpan.FromHours(3)))[0];
        var made = new List<string>();
        var services = new ServiceCollection();
        services.AddSingleton(scenario.Sessions);
        services.AddAcodeEc2Orphans(
            (_, region) =>
            {
                made.Add(region);
                return scenario.Client(region);
            },
            _ => scenario.Region,
            o => o with { PageSize = 5 });

        await using (var provider = services.BuildServiceProvider())
        {
            var detector = provider.GetRequiredService<IEc2OrphanDetector>();
            var lister = provider.GetRequiredService<Ec2InstanceLister>();
            var rows = await lister.ListAsync();
            var found = await detector.DetectOrphansAsync(scenario.Region, TimeSpan.FromHours(2));
            var result = await detector.CleanupOrphansAsync(found.Select(f => f.InstanceId));

            Assert.Equal(orphan, Assert.Single(rows).InstanceId);
            Assert.Equal(5, provider.GetRequiredService<Ec2OrphanOptions>().PageSize);
            Assert.Same(scenario.Sessions, provider.GetRequiredService<Ec2SessionRegistry>());
            Assert.Equal([orphan], result.Terminated);
        }

        Assert.Equal([scenario.Region], made);
    }
}
