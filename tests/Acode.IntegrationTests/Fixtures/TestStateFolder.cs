using System.Runtime.CompilerServices;

namespace Acode.IntegrationTests.Fixtures;

/// <summary>
/// Gives this test process its own XDG state folder, so the session registry and the cost ledger that the EC2 target
/// and the orphan sweep write by default never touch the user's real <c>~/.local/state/acode</c>.
/// </summary>
internal static class TestStateFolder
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        var folder = Directory.CreateTempSubdirectory("acode-state-").FullName;
        Environment.SetEnvironmentVariable("XDG_STATE_HOME", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A child process may still hold a file; the temp folder is the system's to reap then.
            }
        };
    }
}
