namespace Acode.Infrastructure.Compute.Ec2;

/// <summary>
/// The AWS error codes acode treats specially, in one place (STYLE.md habit 8). Codes and HTTP statuses are from
/// /work/shared/data/ec2-api-facts.md section 1.6 unless a comment says otherwise.
/// </summary>
public static class AwsErrorCodes
{
    /// <summary>
    /// Worth retrying with backoff: throttling (<c>RequestLimitExceeded</c> 503, <c>EC2ThrottledException</c> which the
    /// .NET SDK's EC2 retry policy also counts as throttling) and server faults (<c>InternalError</c> 500,
    /// <c>Unavailable</c>/<c>ServiceUnavailable</c> 503). <c>Throttling</c>/<c>ThrottlingException</c> are the STS/SSM
    /// spellings. The SDK's standard retry mode already retries these a few times; this list is for acode's own
    /// outer retries around whole steps.
    /// </summary>
    public static readonly IReadOnlySet<string> Transient = new HashSet<string>(StringComparer.Ordinal)
    {
        "RequestLimitExceeded",
        "EC2ThrottledException",
        "Throttling",
        "ThrottlingException",
        "TooManyRequestsException",
        "InternalError",
        "InternalFailure",
        "InternalServerError",
        "ServiceUnavailable",
        "Unavailable",
        "RequestTimeout",
        "RequestTimeoutException",
    };

    /// <summary>
    /// No capacity for the request: retrying the same request soon rarely helps; try another type/AZ or on-demand, and
    /// tell the user. <c>InsufficientInstanceCapacity</c> comes as HTTP 500 (so the SDK's own retries also fire);
    /// <c>SpotMaxPriceTooLow</c> means the configured spot price is under the market; <c>Unsupported</c> is returned
    /// when a type is not offered in the chosen AZ.
    /// </summary>
    public static readonly IReadOnlySet<string> Capacity = new HashSet<string>(StringComparer.Ordinal)
    {
        "InsufficientInstanceCapacity",
        "InsufficientHostCapacity",
        "InsufficientReservedInstanceCapacity",
        "InsufficientCapacity",
        "InsufficientFreeAddressesInSubnet",
        "MaxSpotInstanceCountExceeded",
        "SpotMaxPriceTooLow",
        "InstanceLimitExceeded",
        "VcpuLimitExceeded",
        "Unsupported",
    };

    /// <summary>
    /// The resource no longer exists: in teardown this is success (idempotent delete, STYLE.md habit 4). Note that
    /// DeleteKeyPair on a missing name returns 200, not an error; DescribeInstances may still show a terminated
    /// instance for up to about an hour (ec2-api-facts 2.2, 5.4).
    /// </summary>
    public static readonly IReadOnlySet<string> AlreadyGone = new HashSet<string>(StringComparer.Ordinal)
    {
        "InvalidInstanceID.NotFound",
        "InvalidGroup.NotFound",
        "InvalidGroupId.NotFound",
        "InvalidKeyPair.NotFound",
        "InvalidVolume.NotFound",
        "InvalidAllocationID.NotFound",
        "InvalidAssociationID.NotFound",
        "InvalidNetworkInterfaceID.NotFound",
        "InvalidPermission.NotFound",
    };

    /// <summary>
    /// A security group is still held by an instance or ENI (HTTP 400 <c>resource sg-... has a dependent object</c>):
    /// right after termination DeleteSecurityGroup fails this way for a while, so retry with backoff within a bound.
    /// </summary>
    public const string DependencyViolation = "DependencyViolation";

    /// <summary>A retried RunInstances reused a ClientToken with different parameters: a bug, never retry.</summary>
    public const string IdempotentParameterMismatch = "IdempotentParameterMismatch";

    /// <summary>A DryRun request would have succeeded (HTTP 412).</summary>
    public const string DryRunOperation = "DryRunOperation";

    /// <summary>
    /// The credentials were rejected or lack permission: never retry; tell the user which (EC2 <c>AuthFailure</c> 401,
    /// <c>UnauthorizedOperation</c> 403, STS <c>InvalidClientTokenId</c> 403, SSM <c>UnrecognizedClientException</c>,
    /// signature and expiry errors of section 11).
    /// </summary>
    public static readonly IReadOnlySet<string> AuthFailures = new HashSet<string>(StringComparer.Ordinal)
    {
        "AuthFailure",
        "UnauthorizedOperation",
        "InvalidClientTokenId",
        "UnrecognizedClientException",
        "SignatureDoesNotMatch",
        "InvalidSignatureException",
        "ExpiredToken",
        "ExpiredTokenException",
        "RequestExpired",
        "AccessDenied",
        "AccessDeniedException",
    };

    /// <summary>
    /// What a region answers when the account has not enabled it (an opt-in region, ec2-api-facts 1.6): <c>AuthFailure</c>
    /// 401 or <c>OptInRequired</c>. Only a sweep of several regions, whose credentials another region has already
    /// accepted, may read <c>AuthFailure</c> this way; for one region it means the credentials were refused.
    /// </summary>
    public static readonly IReadOnlySet<string> RegionNotEnabled = new HashSet<string>(StringComparer.Ordinal)
    {
        "AuthFailure",
        "OptInRequired",
    };

    /// <summary>Whether a code is in <see cref="Transient"/>.</summary>
    public static bool IsTransient(string? errorCode) => errorCode is not null && Transient.Contains(errorCode);

    /// <summary>Whether a code is in <see cref="Capacity"/>.</summary>
    public static bool IsCapacity(string? errorCode) => errorCode is not null && Capacity.Contains(errorCode);

    /// <summary>Whether a code is in <see cref="AlreadyGone"/>.</summary>
    public static bool IsAlreadyGone(string? errorCode) => errorCode is not null && AlreadyGone.Contains(errorCode);

    /// <summary>Whether a code is in <see cref="RegionNotEnabled"/>.</summary>
    public static bool IsRegionNotEnabled(string? errorCode) => errorCode is not null && RegionNotEnabled.Contains(errorCode);

    /// <summary>Whether a code is in <see cref="AuthFailures"/>.</summary>
    public static bool IsAuthFailure(string? errorCode) => errorCode is not null && AuthFailures.Contains(errorCode);
}
