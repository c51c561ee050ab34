using Acode.Application.Compute;
using Acode.Application.Compute.Ssh;
using Acode.Infrastructure.Compute.Ssh;

namespace Acode.IntegrationTests.Ssh;

/// <summary>Helpers to get a prepared target against the fixture's server.</summary>
internal static class SshTestTarget
{
    public static async Task<SshComputeTarget> PreparedAsync(SshTargetConfiguration configuration, WorkspaceContext? context = null)
    {
        var target = new SshComputeTarget(configuration);
        await target.PrepareAsync(context ?? new WorkspaceContext());
        return target;
    }
}
