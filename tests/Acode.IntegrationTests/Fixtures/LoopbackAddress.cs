using System.Security.Cryptography;

namespace Acode.IntegrationTests.Fixtures;

/// <summary>Random loopback endpoints, so parallel test runs on one machine never collide.</summary>
public static class LoopbackAddress
{
    /// <summary>A random 127.x.y.z address other than 127.0.0.1 (and not a .0/.255 host part).</summary>
    public static string Next() =>
        $"127.{RandomNumberGenerator.GetInt32(1, 255)}.{RandomNumberGenerator.GetInt32(0, 256)}.{RandomNumberGenerator.GetInt32(2, 255)}";

    /// <summary>A random unprivileged port.</summary>
    public static int NextPort() => RandomNumberGenerator.GetInt32(20000, 60000);
}
