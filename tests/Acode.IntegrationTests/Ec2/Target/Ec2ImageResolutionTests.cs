using Acode.Application.Compute.Ec2;
using Acode.Ec2Emulator;
using Acode.Infrastructure.Compute.Ec2.Ami;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;

namespace Acode.IntegrationTests.Ec2.Target;

/// <summary>Issue 13 item 1: Amazon Linux 2023 by default, the aliases and their login users, through the emulator's SSM.</summary>
public sealed class Ec2ImageResolutionTests : IAsyncLifetime
{
    private Ec2Emulator.Ec2Emulator _emulator = null!;

    private AmazonEC2Client Ec2 { get; set; } = null!;

    private AmazonSimpleSystemsManagementClient Ssm { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Ec2Emulator.Ec2Emulator.StartAsync(new EmulatorOptions { StartMachines = false });
        var credentials = new BasicAWSCredentials("test", "test");
        Ec2 = new AmazonEC2Client(credentials, new AmazonEC2Config { ServiceURL = _emulator.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
        Ssm = new AmazonSimpleSystemsManagementClient(credentials, new AmazonSimpleSystemsManagementConfig { ServiceURL = _emulator.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
    }

    public async Task DisposeAsync()
    {
        Ec2.Dispose();
        Ssm.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData(null, "t3.micro", "ami-0b2e3f4a5d6c7b801", "ec2-user", "/dev/xvda", "al2023")]
    [InlineData(null, "t4g.micro", "ami-0b2e3f4a5d6c7b802", "ec2-user", "/dev/xvda", "al2023")]
    [InlineData("al2023", "m7g.large", "ami-0b2e3f4a5d6c7b802", "ec2-user", "/dev/xvda", "al2023")]
    [InlineData("al2", "t3.micro", "ami-0a1f2e3d4c5b6a701", "ec2-user", "/dev/xvda", "al2")]
    [InlineData("ubuntu-24.04", "t3.micro", "ami-0c3d4e5f6a7b8ca01", "ubuntu", "/dev/sda1", "ubuntu-24.04")]
    [InlineData("Ubuntu-24.04", "t4g.small", "ami-0c3d4e5f6a7b8ca02", "ubuntu", "/dev/sda1", "ubuntu-24.04")]
    [InlineData("debian-12", "t3.micro", "ami-0d4e5f6a7b8c9d001", "admin", "/dev/xvda", "debian-12")]
    [InlineData("debian-12", "c7g.large", "ami-0d4e5f6a7b8c9d002", "admin", "/dev/xvda", "debian-12")]
    [InlineData("ami-0c3d4e5f6a7b8c901", "t3.micro", "ami-0c3d4e5f6a7b8c901", "ubuntu", "/dev/sda1", null)]
    public async Task An_alias_or_the_default_resolves_to_its_publishers_image_and_login_user(string? ami, string type, string image, string user, string rootDevice, string? alias)
    {
        var resolved = await new Ec2AmiResolver(Ec2, Ssm, _emulator.ServiceUrl + "|images").ResolveAsync(ami, null, "us-east-1", type);

        Assert.Equal((image, user, rootDevice, alias), (resolved.ImageId, resolved.SshUser, resolved.RootDeviceName, resolved.Alias?.Name));
    }

    [Fact]
    public async Task Only_amazon_linux_2_carries_an_end_of_life_warning()
    {
        var amis = new Ec2AmiResolver(Ec2, Ssm, _emulator.ServiceUrl + "|eol");

        var al2 = await amis.ResolveAsync("al2", null, "us-east-1", "t3.micro");
        var al2023 = await amis.ResolveAsync(null, null, "us-east-1", "t3.micro");

        Assert.Contains("end of support on 2026-06-30", al2.Alias!.EndOfLifeWarning, StringComparison.Ordinal);
        Assert.Null(al2023.Alias!.EndOfLifeWarning);
    }

    [Fact]
    public async Task A_configured_user_wins_over_the_aliases()
    {
        var resolved = await new Ec2AmiResolver(Ec2, Ssm, _emulator.ServiceUrl + "|user").ResolveAsync("debian-12", "builder", "us-east-1", "t3.micro");

        Assert.Equal("builder", resolved.SshUser);
    }

    [Fact]
    public void The_validator_takes_the_aliases_and_names_the_near_one_for_a_typo()
    {
        var config = new Ec2Configuration { Region = "us-east-1" };

        Assert.Empty(Ec2ConfigurationValidator.Validate(config with { AmiId = "debian-12" }));
        Assert.Contains("(did you mean ubuntu-24.04?)", Assert.Single(Ec2ConfigurationValidator.Validate(config with { AmiId = "ubuntu-24.4" })), StringComparison.Ordinal);
    }
}
