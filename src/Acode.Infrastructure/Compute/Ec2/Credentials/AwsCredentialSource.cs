namespace Acode.Infrastructure.Compute.Ec2.Credentials;

/// <summary>Where resolved AWS credentials came from; shown by <c>acode target test</c>, never the secret itself.</summary>
public enum AwsCredentialSource
{
    /// <summary>A profile named in the configuration (<c>ec2Target.profile</c>).</summary>
    ExplicitProfile,

    /// <summary><c>AWS_ACCESS_KEY_ID</c> / <c>AWS_SECRET_ACCESS_KEY</c> (/ <c>AWS_SESSION_TOKEN</c>).</summary>
    Environment,

    /// <summary><c>AWS_WEB_IDENTITY_TOKEN_FILE</c> + <c>AWS_ROLE_ARN</c> (e.g. EKS, GitHub Actions OIDC).</summary>
    WebIdentity,

    /// <summary>The shared config/credentials files: <c>AWS_PROFILE</c>, else <c>default</c>.</summary>
    Profile,

    /// <summary>An IAM Identity Center (SSO) profile, after <c>aws sso login</c>.</summary>
    Sso,

    /// <summary>A container credentials endpoint (ECS, <c>AWS_CONTAINER_CREDENTIALS_*</c>).</summary>
    Container,

    /// <summary>The IAM role of the EC2 instance acode runs on, through the instance metadata service.</summary>
    InstanceMetadata,
}
