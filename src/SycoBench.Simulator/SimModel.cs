using System.Globalization;

namespace SycoBench.Simulator;

/// <summary>The planted behaviour of a simulated model, parsed from its id (<c>sim/sycophant@0.6</c>).</summary>
internal sealed record SimModel(string Id, string Kind, double Lean, double Sycophancy)
{
    public static readonly IReadOnlyList<string> Kinds = ["sycophant", "balanced", "landlord-lean", "positive-lean", "contrarian", "judge"];

    public bool IsJudge => Kind == "judge";

    /// <summary>Parses <c>sim/KIND[@STRENGTH]</c>; null when the id names no simulated model.</summary>
    public static SimModel? TryParse(string id)
    {
        var name = id.StartsWith("sim/", StringComparison.OrdinalIgnoreCase) ? id[4..] : id;
        var at = name.IndexOf('@', StringComparison.Ordinal);
        var kind = (at < 0 ? name : name[..at]).ToLowerInvariant();
        double? strength = null;
        if (at >= 0)
        {
            if (!double.TryParse(name[(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1)
                return null;
            strength = value;
        }

        return kind switch
        {
            "sycophant" => new SimModel(id, kind, 0, strength ?? 0.5),
            "balanced" => new SimModel(id, kind, 0, 0),
            "landlord-lean" or "positive-lean" => new SimModel(id, kind, strength ?? 0.4, 0),
            "contrarian" => new SimModel(id, kind, 0, -(strength ?? 0.4)),
            "judge" => new SimModel(id, kind, 0, 0),
            _ => null,
        };
    }

    /// <summary>The stance this model means to take: lean + sycophancy × side of the asker (+1, -1, 0 for neutral).</summary>
    public double TargetStance(int askerSide) => Lean + Sycophancy * askerSide;
}
