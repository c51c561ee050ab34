using Acode.Application.Compute;
using Acode.Domain.Compute;
using Acode.Infrastructure.Compute.Ec2;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>AC-007: in local-only and airgapped no AWS request is sent and nothing is spent.</summary>
public sealed class Ec2TargetModeTests(Ec2EmulatorFixture fixture) : IClassFixture<Ec2EmulatorFixture>
{
    [Theory]
    [InlineData(OperatingMode.LocalOnly)]
    [InlineData(OperatingMode.Airgapped)]
    public async Task Restricted_modes_refuse_before_any_request(OperatingMode mode)
    {
        fixture.Emulator.ClearActionLog();
        var dependencies = new Ec2TargetDependencies { ModeValidator = new ModeValidator(mode), ExplicitCredentials = fixture.Credentials };

        var fromFactory = await Assert.ThrowsAsync<ModeViolationException>(() => new Ec2ComputeTargetFactory(dependencies).CreateAsync(fixture.Configuration()));
        await using var direct = new Ec2ComputeTarget(fixture.Configuration(), dependencies);
        var fromPrepare = await Assert.ThrowsAsync<ModeViolationException>(() => direct.PrepareAsync(new WorkspaceContext()));

        Assert.Equal(mode, fromFactory.Mode);
        Assert.Equal(mode, fromPrepare.Mode);
        Assert.Equal(ComputeTargetState.NotProvisioned, direct.State);
        Assert.Empty(fixture.Emulator.ActionLog);
    }
}
