using Acode.Domain;

namespace Acode.Infrastructure.Compute.Ec2.Credentials;

/// <summary>No AWS region was configured anywhere acode looks; the message says where to set one.</summary>
public sealed class AwsRegionNotFoundException : AcodeException
{
    /// <summary>Initializes a new instance of the <see cref="AwsRegionNotFoundException"/> class.</summary>
    public AwsRegionNotFoundException(string message)
        : base(message)
    {
    }
}
