namespace SycoBench.Costs;

/// <summary>A sum of costs that keeps count of the parts whose cost is unknown, so an unknown never reads as 0.</summary>
public readonly record struct CostTotal(double Known, int KnownCount, int UnknownCount)
{
    public static CostTotal Zero => default;

    /// <summary>The total, or null when any part is unknown.</summary>
    public double? Exact => UnknownCount == 0 ? Known : null;

    public CostTotal Add(double? cost) =>
        cost is { } c ? this with { Known = Known + c, KnownCount = KnownCount + 1 } : this with { UnknownCount = UnknownCount + 1 };

    public static CostTotal operator +(CostTotal a, CostTotal b) =>
        new(a.Known + b.Known, a.KnownCount + b.KnownCount, a.UnknownCount + b.UnknownCount);

    public override string ToString() => Usd.Format(this);
}
