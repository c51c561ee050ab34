namespace Acode.IntegrationTests.Ec2;

/// <summary>
/// Clears every AWS_* variable that steers credential or region resolution, points the shared files at a temporary
/// folder, and restores everything on dispose, so that neither this machine's own AWS setup nor one test leaks into another.
/// </summary>
/// <remarks>
/// The AWS SDK reads AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE once per process (in a static constructor), so
/// the folder is one per test process (removed when it exits) and the files are emptied between tests rather than moved or deleted.
/// </remarks>
internal sealed class AwsEnvironmentScope : IDisposable
{
    private static readonly string[] Variables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCOUNT_ID", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EC2_METADATA_DISABLED",
        "AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
    ];

    private static readonly Lazy<string> ProcessFolder = new(CreateProcessFolder);

    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    public AwsEnvironmentScope()
    {
        Folder = ProcessFolder.Value;
        EmptyFiles();
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Set("AWS_CONFIG_FILE", ConfigFile);
        Set("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);

        // Never wait on a metadata service that is not there.
        Set("AWS_EC2_METADATA_DISABLED", "true");
    }

    public string Folder { get; }

    public string ConfigFile => Path.Combine(Folder, "config");

    public string CredentialsFile => Path.Combine(Folder, "credentials");

    public static void Set(string variable, string? value) => Environment.SetEnvironmentVariable(variable, value);

    /// <summary>Points the shared files at this process's (empty) temporary ones; see <see cref="AwsSharedFilesInitializer"/>.</summary>
    public static void UseProcessSharedFiles()
    {
        var folder = ProcessFolder.Value;
        foreach (var file in new[] { "config", "credentials" })
        {
            File.WriteAllText(Path.Combine(folder, file), string.Empty);
        }

        Set("AWS_CONFIG_FILE", Path.Combine(folder, "config"));
        Set("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(folder, "credentials"));
    }

    public void Dispose()
    {
        foreach (var (variable, value) in _saved)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }

        EmptyFiles();
    }

    // One folder for the whole test process, so it goes when the process does.
    private static string CreateProcessFolder()
    {
        var folder = Directory.CreateTempSubdirectory("acode-aws-env-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort while the process exits.
            }
        };
        return folder;
    }

    // Emptied, not deleted: the SDK watches these files for changes, and a watch on a missing file never sees it return.
    private void EmptyFiles()
    {
        File.WriteAllText(ConfigFile, string.Empty);
        File.WriteAllText(CredentialsFile, string.Empty);
    }
}
