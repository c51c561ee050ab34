using Acode.Application.Compute.Ec2;
using Amazon.Runtime.CredentialManagement;

namespace Acode.Infrastructure.Configuration;

/// <summary>
/// Picks the region the way the aws CLI does, once, in the configuration layer: <c>--region</c> &gt;
/// <c>ACODE_EC2_REGION</c> &gt; the config file's <c>ec2Target.region</c> &gt; <c>AWS_REGION</c> &gt;
/// <c>AWS_DEFAULT_REGION</c> &gt; the <c>region</c> of the selected profile, read through the SDK's shared-config reader
/// (<see cref="CredentialProfileStoreChain"/>, which honours <c>AWS_CONFIG_FILE</c> and <c>AWS_SHARED_CREDENTIALS_FILE</c>).
/// Deliberately not the SDK's full fallback, which would also ask the instance metadata service and wait on it.
/// </summary>
public static class Ec2RegionResolver
{
    /// <summary>The profile the SDK reads when none is selected.</summary>
    public const string DefaultProfile = "default";

    /// <summary>Resolves the region; null when no source names one (the validator then says where to set it).</summary>
    /// <param name="flag">The <c>--region</c> flag, if given.</param>
    /// <param name="fileRegion">The config file's <c>ec2Target.region</c>, if any.</param>
    /// <param name="profile">The selected profile (<c>--profile</c>, <c>ACODE_EC2_PROFILE</c>, <c>ec2Target.profile</c>); null = <c>AWS_PROFILE</c>, else <c>default</c>.</param>
    /// <param name="environment">The environment variables.</param>
    public static ResolvedRegion? Resolve(string? flag, string? fileRegion, string? profile, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Env(string name) => environment.TryGetValue(name, out var v) ? Trimmed(v) : null;

        (string? Value, string Source)[] rungs =
        [
            (Trimmed(flag), "--region"),
            (Env(AcodeConfigLoader.RegionVariable), AcodeConfigLoader.RegionVariable),
            (Trimmed(fileRegion), $"{Ec2Defaults.SectionName}.region"),
            (Env("AWS_REGION"), "AWS_REGION"),
            (Env("AWS_DEFAULT_REGION"), "AWS_DEFAULT_REGION"),
        ];
        foreach (var (value, source) in rungs)
        {
            if (value is not null)
            {
                return new ResolvedRegion(value, source);
            }
        }

        var profileName = Trimmed(profile) ?? Env("AWS_PROFILE") ?? DefaultProfile;
        return ProfileRegion(profileName) is { } fromProfile ? new ResolvedRegion(fromProfile, $"region of AWS profile '{profileName}'") : null;
    }

    private static string? ProfileRegion(string profileName)
    {
        try
        {
            return new CredentialProfileStoreChain().TryGetProfile(profileName, out var found) ? found.Region?.SystemName : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            // An unreadable shared config file names no region; the "no region" error lists where else to set one.
            return null;
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
