using Acode.Application.Compute;
using Acode.Domain.Compute;
using Acode.Domain.Compute.Ec2.Events;
using Acode.Infrastructure.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Orphans;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>IT-001/IT-002, AC-001..005: provision, SSH, commands, files both ways, terminate, against the emulator.</summary>
public sealed class Ec2TargetLifecycleTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    [Fact]
    public async Task Full_lifecycle_provisions_runs_transfers_and_terminates()
    {
        var events = new InMemoryEventPublisher();
        var local = Directory.CreateTempSubdirectory("acode-ec2-it-");
        var sessions = new Ec2SessionRegistry(Path.Combine(local.FullName, ".sessions"), TimeProvider.System);
        var dependencies = fixture.Dependencies(events);
        var target = new Ec2ComputeTargetFactory(new Ec2TargetDependencies
        {
            ModeValidator = dependencies.ModeValidator, Events = events, ExplicitCredentials = dependencies.ExplicitCredentials, Sessions = sessions,
        }).Create(fixture.Configuration());
        try
        {
            File.WriteAllText(Path.Combine(local.FullName, "input.txt"), "hello from the client\n");
            var context = new WorkspaceContext { LocalRoot = local.FullName, SyncPaths = ["input.txt"] };
            await using (target)
            {
                var prepared = await target.PrepareAsync(context);
                Assert.True(target.IsReady);
                Assert.Equal(1, prepared.FilesUploaded);
                Assert.StartsWith("SHA256:", target.HostKeyFingerprint);
                Assert.True(sessions.IsAlive(target.SessionId));
                Assert.Equal(target.Instance!.InstanceId, sessions.Find(target.SessionId)!.InstanceId);

                var result = await target.ExecuteAsync("cat input.txt && echo made-remotely > output.txt && whoami");
                Assert.Equal(0, result.ExitCode);
                Assert.Contains("hello from the client", result.Stdout);

                var download = Path.Combine(local.FullName, "output.txt");
                await target.DownloadAsync("output.txt", download);
                Assert.Equal("made-remotely\n", File.ReadAllText(download));

                await target.UploadAsync(download, "copied.txt");
                var check = await target.ExecuteAsync("cat copied.txt");
                Assert.Equal("made-remotely\n", check.Stdout);

                await target.TeardownAsync();
                Assert.Equal(ComputeTargetState.Terminated, target.State);
                Assert.Null(sessions.Find(target.SessionId));
            }

            await fixture.AssertNothingLeftAsync(target.SessionId);
            Assert.Single(events.PublishedOf<Ec2InstanceLaunchingEvent>());
            Assert.Single(events.PublishedOf<Ec2InstanceRunningEvent>());
            var terminating = Assert.Single(events.PublishedOf<Ec2InstanceTerminatingEvent>());
            Assert.Equal(target.Instance!.InstanceId, terminating.InstanceId);
        }
        finally
        {
            local.Delete(recursive: true);
        }
    }
}
