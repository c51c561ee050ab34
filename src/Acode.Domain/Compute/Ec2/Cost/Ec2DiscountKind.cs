namespace Acode.Domain.Compute.Ec2.Cost;

/// <summary>Which discount (if any) set the instance rate of a cost figure.</summary>
public enum Ec2DiscountKind
{
    /// <summary>Plain on-demand price.</summary>
    None,

    /// <summary>A spot price (live or assumed).</summary>
    Spot,

    /// <summary>An active reserved instance covered the usage at its effective rate.</summary>
    ReservedInstance,

    /// <summary>A savings-plan discount from configuration lowered the on-demand rate.</summary>
    SavingsPlan,
}
