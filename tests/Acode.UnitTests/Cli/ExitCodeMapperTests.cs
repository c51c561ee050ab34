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
        { new DirectoryNotFoundException("Could not find a part of the path '/x/y'."), ExitCodes.Failure },
        { new Amazon.EC2.AmazonEC2Exception("signature refused") { ErrorCode = "SignatureDoesNotMatch" }, ExitCodes.Credentials },
        { new Amazon.EC2.AmazonEC2Exception("quota") { ErrorCode = "InstanceLimitExceeded" }, ExitCodes.Failure },
        { new Ec2ApiException("GetParameter", "IncompleteSignature", "req-2", "refused"), ExitCodes.Credentials },
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

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_message_names_a_dotnet_type(Exception exception, int expected)
    {
        var error = ExitCodeMapper.Map(exception, cancelled: false);

        Assert.Equal(expected, error.ExitCode);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unexpected_errors_say_so_in_words_without_their_type_or_a_stack_trace()
    {
        var error = ExitCodeMapper.Map(new InvalidOperationException("boom"), cancelled: false);

        Assert.Equal("acode failed unexpectedly: boom Run again with --verbose for the details.", error.Message);
    }

    [Fact]
    public void File_errors_name_the_path_not_the_exception()
    {
        var missing = ExitCodeMapper.Map(new DirectoryNotFoundException("Could not find a part of the path '/no/such/dir/x'."), cancelled: false);
        var file = ExitCodeMapper.Map(new FileNotFoundException("Could not find file '/no/such/file'.", "/no/such/file"), cancelled: false);

        Assert.Equal((ExitCodes.Failure, "A file or folder could not be used: Could not find a part of the path '/no/such/dir/x'."), (missing.ExitCode, missing.Message));
        Assert.Equal("No such file: /no/such/file.", file.Message);
    }

    [Theory]
    [InlineData("AuthFailure", ExitCodes.Credentials, "AWS_SECRET_ACCESS_KEY")]
    [InlineData("SignatureDoesNotMatch", ExitCodes.Credentials, "AWS_SECRET_ACCESS_KEY")]
    [InlineData("UnauthorizedOperation", ExitCodes.Credentials, "docs/iam-policy.json")]
    [InlineData("OptInRequired", ExitCodes.Failure, "--region")]
    [InlineData("SomethingNew", ExitCodes.Failure, "SomethingNew")]
    public void An_aws_error_acode_did_not_wrap_keeps_its_code_and_gets_its_hint(string code, int exitCode, string expected)
    {
        var aws = new Amazon.EC2.AmazonEC2Exception("AWS said no.", Amazon.Runtime.ErrorType.Sender, code, "req-9", System.Net.HttpStatusCode.Forbidden);

        var error = ExitCodeMapper.Map(aws, cancelled: false);

        Assert.Equal(exitCode, error.ExitCode);
        Assert.StartsWith($"AWS refused the request ({code}, request req-9): AWS said no.", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("InvalidAMIID.NotFound", "ec2Target.ami")]
    [InlineData("InvalidAMIID.Malformed", "ec2Target.ami")]
    [InlineData("UnauthorizedOperation", "docs/iam-policy.json")]
    [InlineData("InvalidKeyPair.NotFound", "ec2Target.keyPair")]
    [InlineData("InvalidGroup.NotFound", "ec2Target.securityGroupIds")]
    [InlineData("InvalidSubnetID.NotFound", "ec2Target.subnetId")]
    [InlineData("VcpuLimitExceeded", "quota")]
    public void Each_ec2_error_code_gets_the_hint_that_fits_it(string code, string expected)
    {
        var error = ExitCodeMapper.Map(new Ec2ApiException("RunInstances", code, "req-1", "refused"), cancelled: false);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        if (code.StartsWith("InvalidAMIID", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("IAM", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_ssh_connection_failure_says_ssh()
    {
        var error = ExitCodeMapper.Map(new Acode.Application.Compute.Ssh.SshConnectionException("127.0.0.1", 1, "Could not connect to 127.0.0.1:1: Connection refused"), cancelled: false);

        Assert.Equal("SSH connection failed: Could not connect to 127.0.0.1:1: Connection refused", error.Message);
        Assert.DoesNotContain("EC2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_documented_code_is_distinct()
    {
        var codes = ExitCodes.Documented.Select(d => d.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 130, 143], codes);
    }
}
