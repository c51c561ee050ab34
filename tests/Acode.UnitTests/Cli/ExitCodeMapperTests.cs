using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Application.Compute.Ec2.Cost;
using Acode.Cli;
using Acode.Cli.Errors;
using Acode.Domain.Compute;
using Acode.Domain.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Credentials;

namespace Acode.UnitTests.Cli;

public sealed class ExitCodeMapperTests
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new UsageException("--tag", "expected key=value"), ExitCodes.Usage },
        { new Ec2ConfigurationException(["ec2Target.ebsSizeGb: must be between 8 and 16384, got -5"]), ExitCodes.Usage },
        { new InvalidConfigurationException("--mode: unknown mode 'x'"), ExitCodes.Usage },
        { new Ec2PriceUnknownException("t3.medium", "ap-south-1"), ExitCodes.Usage },
        { new ModeViolationException(OperatingMode.LocalOnly, "blocked in local-only mode"), ExitCodes.ModeViolation },
        { new Ec2CredentialsException(["environment"]), ExitCodes.Credentials },
        { new AwsCredentialsNotFoundException("No AWS credentials found", ["environment"], null), ExitCodes.Credentials },
        { new AwsRegionNotFoundException("No AWS region"), ExitCodes.Usage },
        { new Ec2ApiException("DescribeInstances", "AuthFailure", "req-1", "refused"), ExitCodes.Credentials },
        { new Ec2CapacityException("InsufficientInstanceCapacity", "t3.medium", "us-east-1a"), ExitCodes.CapacityOrLaunch },
        { new Ec2ApiException("RunInstances", "InstanceLimitExceeded", null, "quota"), ExitCodes.CapacityOrLaunch },
        { new Ec2ProvisioningTimeoutException("i-0123456789abcdef0", TimeSpan.FromMinutes(5), Ec2InstanceState.Pending), ExitCodes.Timeout },
        { new SshReadyTimeoutException("i-0123456789abcdef0", "203.0.113.7", 22, 31, TimeSpan.FromMinutes(2), "connection refused"), ExitCodes.Timeout },
        { new FeatureNotAvailableException("acode exec", "IComputeTargetFactory"), ExitCodes.Failure },
        { new InvalidOperationException("boom"), ExitCodes.Failure },
        { new Amazon.EC2.AmazonEC2Exception("signature refused") { ErrorCode = "SignatureDoesNotMatch" }, ExitCodes.Credentials },
        { new Amazon.EC2.AmazonEC2Exception("quota") { ErrorCode = "InstanceLimitExceeded" }, ExitCodes.Failure },
        { new Ec2ApiException("GetParameter", "InvalidSignatureException", "req-2", "refused"), ExitCodes.Credentials },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Maps_each_exception_type_to_its_documented_code(Exception exception, int expected)
    {
        var error = ExitCodeMapper.Map(exception, cancelled: false);

        Assert.Equal(expected, error.ExitCode);
        Assert.Contains(exception.Message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_by_the_run_token_is_exit_130()
    {
        Assert.Equal(ExitCodes.Interrupted, ExitCodeMapper.Map(new OperationCanceledException(), cancelled: true).ExitCode);
    }

    [Fact]
    public void Cancellation_not_asked_for_is_a_failure_not_an_interrupt()
    {
        Assert.Equal(ExitCodes.Failure, ExitCodeMapper.Map(new TaskCanceledException(), cancelled: false).ExitCode);
    }

    [Fact]
    public void Unexpected_errors_name_their_type_without_a_stack_trace()
    {
        var error = ExitCodeMapper.Map(new InvalidOperationException("boom"), cancelled: false);

        Assert.Equal("Unexpected error (InvalidOperationException): boom", error.Message);
    }

    [Fact]
    public void Every_documented_code_is_distinct()
    {
        var codes = ExitCodes.Documented.Select(d => d.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 130, 143], codes);
    }
}
