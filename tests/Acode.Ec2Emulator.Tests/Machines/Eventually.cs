namespace Acode.Ec2EmulatorTests.Machines;

/// <summary>Waits for a condition with a deadline, checking often; never a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? deadline = null)
    {
        var until = TimeProvider.System.GetTimestamp();
        var limit = deadline ?? TimeSpan.FromSeconds(60);
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(until) > limit)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, CancellationToken.None);
        }

        return true;
    }
}
