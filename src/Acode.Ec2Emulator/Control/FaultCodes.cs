namespace Acode.Ec2Emulator.Control;

/// <summary>The faults the emulator can inject, with the HTTP status AWS uses for each.</summary>
public static class FaultCodes
{
    public const string RequestLimitExceeded = "RequestLimitExceeded";
    public const string InsufficientInstanceCapacity = "InsufficientInstanceCapacity";
    public const string InternalError = "InternalError";
    public const string SpotMaxPriceTooLow = "SpotMaxPriceTooLow";
    public const string Unavailable = "Unavailable";

    /// <summary>What a region answers that the account has not enabled (an opt-in region), with <see cref="OptInRequired"/>.</summary>
    public const string AuthFailure = "AuthFailure";

    /// <summary>The account is not subscribed to the service in this region.</summary>
    public const string OptInRequired = "OptInRequired";

    /// <summary>Not an AWS code: the server aborts the connection without a reply.</summary>
    public const string DropConnection = "DropConnection";

    internal static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        RequestLimitExceeded, InsufficientInstanceCapacity, InternalError, SpotMaxPriceTooLow, Unavailable, AuthFailure, OptInRequired, DropConnection,
    };

    internal static (int Status, string Message) Describe(string code) => code switch
    {
        RequestLimitExceeded => (503, "Request limit exceeded."),
        InsufficientInstanceCapacity => (500, "We currently do not have sufficient capacity in the Availability Zone you requested. Our system will be working on provisioning additional capacity."),
        InternalError => (500, "An internal error has occurred."),
        SpotMaxPriceTooLow => (400, "Your Spot request price is lower than the minimum required Spot request fulfillment price."),
        Unavailable => (503, "The server is overloaded and can't handle the request."),
        AuthFailure => (401, "AWS was not able to validate the provided access credentials"),
        OptInRequired => (401, "You are not authorized to use the requested service. Ensure that you have subscribed to the service you are trying to use."),
        _ => (500, "An internal error has occurred."),
    };
}
