using Acode.Application.Compute.Ec2;
using Acode.Cli.Errors;
using Acode.Infrastructure.Configuration;

namespace Acode.Cli.Configuration;

/// <summary>The project's configuration file as loaded for one run: where it is, whether it exists, what it holds.</summary>
internal sealed class ProjectConfiguration
{
    private ProjectConfiguration(string path, bool exists, AcodeConfigFile file)
    {
        Path = path;
        Exists = exists;
        File = file;
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>True when the file exists.</summary>
    public bool Exists { get; }

    /// <summary>What it holds (empty when it does not exist).</summary>
    public AcodeConfigFile File { get; }

    /// <summary>
    /// Loads the file (a missing file, or one with nothing but comments, is an empty configuration). <paramref name="environment"/> overlays the
    /// <c>ACODE_EC2_*</c> and <c>AWS_REGION</c> variables; pass an empty map to see the file's own values.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="environment">The environment variables to overlay.</param>
    /// <param name="flags">The <c>--region</c> and <c>--profile</c> flags, which take part in resolving the region.</param>
    /// <param name="mustExist">True for a path the user named (<c>--config</c>): a missing file is then an error, not an empty configuration.</param>
    /// <exception cref="Ec2ConfigurationException">The file is unreadable or invalid; every problem is listed.</exception>
    /// <exception cref="UsageException"><paramref name="mustExist"/> and there is no such file.</exception>
    public static ProjectConfiguration Load(string path, IReadOnlyDictionary<string, string?> environment, Ec2Flags? flags = null, bool mustExist = false)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException("--config", $"{path} is a folder; name the config file, e.g. {System.IO.Path.Combine(path, "config.yml")}");
        }

        if (!System.IO.File.Exists(path))
        {
            return mustExist
                ? throw new UsageException("--config", $"no such file: {path} (create it with acode target add ec2 --config {path}, or leave out --config to use {AcodeConfigFile.DefaultRelativePath})")
                : new ProjectConfiguration(path, false, new AcodeConfigFile());
        }

        try
        {
            return new ProjectConfiguration(path, true, AcodeConfigLoader.LoadFile(path, environment, flags));
        }
        catch (Ec2ConfigurationException e)
        {
            // The loader's lines name the key; say which file they are in.
            throw new Ec2ConfigurationException([.. e.Errors.Select(line => $"{path}: {line}")]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Ec2ConfigurationException([$"{path}: cannot be read: {e.Message}"]);
        }
    }
}
