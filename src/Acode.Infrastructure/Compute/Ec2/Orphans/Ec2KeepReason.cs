namespace Acode.Infrastructure.Compute.Ec2.Orphans;

/// <summary>Why an instance is not an orphan, i.e. why cleanup leaves it alone.</summary>
public enum Ec2KeepReason
{
    /// <summary>It is an orphan: nothing keeps it.</summary>
    None,

    /// <summary>It does not carry <c>acode=true</c>: never acode's to touch.</summary>
    NotAcode,

    /// <summary>It is already shutting down or terminated (or in a state acode does not know).</summary>
    NotActive,

    /// <summary>Younger than the threshold and not past its expiry.</summary>
    Fresh,

    /// <summary>Its <c>acode:session</c> is alive on this machine (session registry) and the sweep is not forced.</summary>
    LiveSession,
}
