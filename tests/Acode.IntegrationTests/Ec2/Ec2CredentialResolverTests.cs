using Acode.Infrastructure.Compute.Ec2.Credentials;

namespace Acode.IntegrationTests.Ec2;

/// <summary>
/// The resolver against the real AWS SDK credential machinery, configured through environment variables and
/// temporary shared config files. The instance-role (IMDS) path is covered against the emulator's IMDS
/// (AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.x.y.z:PORT, AWS_EC2_METADATA_DISABLED unset, no other source).
/// </summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class Ec2CredentialResolverTests : IDisposable
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTEDSECRET";
    private const string SessionToken = "IQoJb3JpZ2luX2VjEPLANTEDSESSIONTOKEN";
    private readonly AwsEnvironmentScope _environment = new();
    private readonly Ec2CredentialResolver _resolver = new();

    [Fact]
    public async Task Environment_variables_win_and_the_region_comes_from_AWS_REGION()
    {
        AwsEnvironmentScope.Set("AWS_ACCESS_KEY_ID", "ASIAENVEXAMPLE1234");
        AwsEnvironmentScope.Set("AWS_SECRET_ACCESS_KEY", SecretKey);
        AwsEnvironmentScope.Set("AWS_SESSION_TOKEN", SessionToken);
        AwsEnvironmentScope.Set("AWS_REGION", "eu-central-1");
        AwsEnvironmentScope.Set("AWS_DEFAULT_REGION", "us-west-2");

        var resolved = await _resolver.ResolveAsync(profile: null, region: null);

        Assert.Equal(AwsCredentialSource.Environment, resolved.Source);
        Assert.Equal("eu-central-1", resolved.Region);
        Assert.Equal("****1234", resolved.AccessKeyIdHint);
        var immutable = await resolved.Credentials.GetCredentialsAsync();
        Assert.Equal(SessionToken, immutable.Token);
        AssertNoSecret(resolved.ToString());
    }

    [Fact]
    public async Task The_default_profile_in_temporary_shared_files_is_used_with_its_region()
    {
        await File.WriteAllTextAsync(_environment.CredentialsFile, $"[default]\naws_access_key_id = AKIAPROFILE00DEFA\naws_secret_access_key = {SecretKey}\n");
        await File.WriteAllTextAsync(_environment.ConfigFile, "[default]\nregion = ap-southeast-2\n");

        var resolved = await _resolver.ResolveAsync(profile: null, region: null);

        Assert.Equal(AwsCredentialSource.Profile, resolved.Source);
        Assert.Equal("ap-southeast-2", resolved.Region);
        Assert.Equal("****DEFA", resolved.AccessKeyIdHint);
        Assert.Contains("'default'", resolved.SourceDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWS_PROFILE_picks_a_named_profile_from_the_config_file()
    {
        await File.WriteAllTextAsync(_environment.ConfigFile,
            $"[default]\nregion = us-east-1\n\n[profile dev]\naws_access_key_id = AKIADEVPROFILE0DEV\naws_secret_access_key = {SecretKey}\nregion = eu-west-3\n");
        AwsEnvironmentScope.Set("AWS_PROFILE", "dev");

        var resolved = await _resolver.ResolveAsync(profile: null, region: "us-east-2");

        Assert.Equal(AwsCredentialSource.Profile, resolved.Source);
        Assert.Equal("us-east-2", resolved.Region);
        Assert.Equal("****0DEV", resolved.AccessKeyIdHint);
        Assert.Contains("'dev'", resolved.SourceDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_profile_beats_the_environment()
    {
        AwsEnvironmentScope.Set("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT0ENV");
        AwsEnvironmentScope.Set("AWS_SECRET_ACCESS_KEY", SecretKey);
        await File.WriteAllTextAsync(_environment.CredentialsFile, $"[work]\naws_access_key_id = AKIAWORKPROFILEWORK\naws_secret_access_key = {SecretKey}\n");
        await File.WriteAllTextAsync(_environment.ConfigFile, "[profile work]\nregion = ca-central-1\n");

        var resolved = await _resolver.ResolveAsync(profile: "work", region: null);

        Assert.Equal(AwsCredentialSource.ExplicitProfile, resolved.Source);
        Assert.Equal("****WORK", resolved.AccessKeyIdHint);
        Assert.Equal("ca-central-1", resolved.Region);
    }

    [Fact]
    public async Task Nothing_configured_lists_every_source_tried_and_how_to_fix_it()
    {
        // A profile name no other test uses: the SDK caches profile credentials per name and notices file changes
        // asynchronously, so 'default' might still be cached from another test.
        AwsEnvironmentScope.Set("AWS_PROFILE", "none-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<AwsCredentialsNotFoundException>(() => _resolver.ResolveAsync(profile: null, region: "us-east-1"));

        Assert.Equal(5, error.SourcesTried.Count);
        foreach (var expected in new[] { "AWS_ACCESS_KEY_ID", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_PROFILE", "AWS_CONTAINER_CREDENTIALS", "IMDS", "aws configure" })
        {
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_explicit_profile_is_named_in_the_error()
    {
        await File.WriteAllTextAsync(_environment.CredentialsFile, $"[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = {SecretKey}\n");

        var error = await Assert.ThrowsAsync<AwsCredentialsNotFoundException>(() => _resolver.ResolveAsync(profile: "missing", region: "us-east-1"));

        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error.ToString());
    }

    [Fact]
    public async Task Credentials_without_any_region_say_where_to_set_one()
    {
        AwsEnvironmentScope.Set("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT0ENV");
        AwsEnvironmentScope.Set("AWS_SECRET_ACCESS_KEY", SecretKey);

        var error = await Assert.ThrowsAsync<AwsRegionNotFoundException>(() => _resolver.ResolveAsync(profile: null, region: null));

        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
        Assert.Contains("ec2Target.region", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _environment.Dispose();

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain("PLANTEDSECRET", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PLANTEDSESSIONTOKEN", text, StringComparison.Ordinal);
    }
}
