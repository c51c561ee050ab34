using Acode.Infrastructure.Compute.Ec2;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

public sealed class AwsErrorCodesTests
{
    [Theory]
    [InlineData("RequestLimitExceeded")]
    [InlineData("InternalError")]
    [InlineData("Unavailable")]
    public void Throttling_and_server_faults_are_transient(string code) => Assert.True(AwsErrorCodes.IsTransient(code));

    [Theory]
    [InlineData("InsufficientInstanceCapacity")]
    [InlineData("SpotMaxPriceTooLow")]
    [InlineData("InsufficientFreeAddressesInSubnet")]
    public void Capacity_codes_are_recognised(string code) => Assert.True(AwsErrorCodes.IsCapacity(code));

    [Theory]
    [InlineData("InvalidInstanceID.NotFound")]
    [InlineData("InvalidGroup.NotFound")]
    [InlineData("InvalidKeyPair.NotFound")]
    public void Not_found_codes_mean_already_gone(string code) => Assert.True(AwsErrorCodes.IsAlreadyGone(code));

    [Fact]
    public void The_categories_do_not_overlap_and_null_is_nothing()
    {
        Assert.Empty(AwsErrorCodes.Transient.Intersect(AwsErrorCodes.Capacity));
        Assert.Empty(AwsErrorCodes.Transient.Intersect(AwsErrorCodes.AlreadyGone));
        Assert.Empty(AwsErrorCodes.Transient.Intersect(AwsErrorCodes.AuthFailures));
        Assert.Empty(AwsErrorCodes.Capacity.Intersect(AwsErrorCodes.AlreadyGone));
        Assert.False(AwsErrorCodes.IsTransient(null));
        Assert.False(AwsErrorCodes.IsTransient(AwsErrorCodes.DependencyViolation));
        Assert.True(AwsErrorCodes.IsAuthFailure("AuthFailure"));
    }
}
