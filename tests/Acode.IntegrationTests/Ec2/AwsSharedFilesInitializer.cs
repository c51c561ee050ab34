using System.Runtime.CompilerServices;

namespace Acode.IntegrationTests.Ec2;

/// <summary>
/// Points the AWS shared config and credentials files at this test process's temporary folder before any test runs:
/// the SDK reads their locations once per process, at its first use, so whichever test touched the SDK first would
/// otherwise decide for every later one (and might read this machine's own ~/.aws).
/// </summary>
internal static class AwsSharedFilesInitializer
{
    [ModuleInitializer]
    internal static void Initialize() => AwsEnvironmentScope.UseProcessSharedFiles();
}
