using System.Net;
using Amazon.Runtime;

namespace Acode.Ec2Emulator.Tests;

/// <summary>Asserts that an SDK call fails with AWS's error code (and HTTP status when given).</summary>
internal static class AssertEc2
{
    public static async Task<AmazonServiceException> FailsAsync(string code, Func<Task> call, HttpStatusCode? status = null)
    {
        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(call);
        Assert.Equal(code, error.ErrorCode);
        if (status is { } expected)
        {
            Assert.Equal(expected, error.StatusCode);
        }

        return error;
    }
}
