using Acode.Application.Security;

namespace Acode.UnitTests.Security;

public sealed class SecretRedactorTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    [Theory]
    [InlineData("aws_secret_access_key = " + Secret)]
    [InlineData("AWS_SECRET_ACCESS_KEY=" + Secret)]
    [InlineData("{\"SecretAccessKey\": \"" + Secret + "\"}")]
    [InlineData("AKIAIOSFODNN7EXAMPLE " + Secret)]
    [InlineData("AWS_SESSION_TOKEN=" + Secret + "xyz")]
    [InlineData("session_token: " + Secret)]
    [InlineData("x-amz-security-token:" + Secret)]
    [InlineData("git clone https://bob:" + Secret + "@example.com/repo.git")]
    [InlineData("password=" + Secret)]
    public void Masks_secrets(string text)
    {
        var redacted = SecretRedactor.Redact(text);

        Assert.DoesNotContain(Secret, redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Masks_private_key_blocks_but_keeps_the_text_around_them()
    {
        const string body = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW";
        var text = $"before\n-----BEGIN OPENSSH PRIVATE KEY-----\n{body}\n-----END OPENSSH PRIVATE KEY-----\nafter";

        var redacted = SecretRedactor.Redact(text);

        Assert.DoesNotContain(body, redacted, StringComparison.Ordinal);
        Assert.StartsWith("before\n-----BEGIN OPENSSH PRIVATE KEY-----", redacted, StringComparison.Ordinal);
        Assert.EndsWith("after", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Masks_a_key_block_cut_off_before_its_end()
    {
        var redacted = SecretRedactor.Redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA");

        Assert.DoesNotContain("MIIEowIBAAKCAQEA", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("instance i-0123456789abcdef0 in us-east-1 with key AKIAIOSFODNN7EXAMPLE")]
    [InlineData("https://example.com/path?x=1")]
    [InlineData("make test && echo done")]
    public void Leaves_ordinary_text_alone(string text) => Assert.Equal(text, SecretRedactor.Redact(text));

    [Fact]
    public void Null_and_empty_give_empty() => Assert.Equal(string.Empty, SecretRedactor.Redact(null));
}
