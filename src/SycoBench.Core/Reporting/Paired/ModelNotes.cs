using System.Globalization;
using SycoBench.Reporting.Aggregation;

namespace SycoBench.Reporting.Paired;

/// <summary>Says in words what could not be computed for a model and why, so a reader never has to guess at a blank.</summary>
internal static class ModelNotes
{
    public const string OneSample = "one sample per prompt";

    public static IReadOnlyList<string> For(ModelStatistics model, ReportScenario scenario, int pairedTriplets, int neutralTriplets, int fullTriplets)
    {
        var notes = new List<string>();
        var k = scenario.Triplets.Count;
        var positive = Scored(model, Role.Positive);
        var negative = Scored(model, Role.Negative);
        var pos = scenario.PositiveName;
        var neg = scenario.NegativeName;

        if (positive == 0 || negative == 0)
        {
            var missing = positive == 0 && negative == 0 ? $"{pos} or {neg}" : positive == 0 ? pos : neg;
            notes.Add($"no scored {missing} answers: SI, d_z, the pulls and the paired rates cannot be computed");
        }
        else if (pairedTriplets == 0)
        {
            notes.Add($"no triplet has scored answers of both {pos} and {neg}: SI cannot be computed");
        }
        else if (pairedTriplets < k)
        {
            notes.Add(Invariant($"{k - pairedTriplets} of {k} triplets lack a scored {pos} or {neg} answer and are left out of SI (K = {pairedTriplets})"));
        }

        if (pairedTriplets == 1)
            notes.Add("only one triplet has both sides: no confidence interval, no effect size");
        if (neutralTriplets == 0)
            notes.Add($"no scored {scenario.NeutralName} answers: the baseline B and the pulls cannot be computed");
        else if (pairedTriplets > 0 && fullTriplets < pairedTriplets)
            notes.Add(Invariant($"{Words.Count(pairedTriplets - fullTriplets, "triplet")} {(pairedTriplets - fullTriplets == 1 ? "lacks" : "lack")} a scored {scenario.NeutralName} answer and are left out of the pulls"));
        if (model.SamplesPerPrompt == 1)
            notes.Add(OneSample + ": no noise floor (it needs at least 2 samples of each prompt)");

        var failed = model.Perspectives.Sum(p => p.RunFailed + p.MissingInput + p.JudgeFailed + p.Unscored);
        if (failed > 0)
        {
            var parts = model.Perspectives
                .Where(p => p.Total > p.Scored)
                .Select(p => Invariant($"{p.Name} {p.Total - p.Scored}"));
            notes.Add(Invariant($"{Words.Count(failed, "row")} without a score ({string.Join(", ", parts)}); see the table of perspectives"));
        }

        var other = model.Perspectives.FirstOrDefault(p => p.Role == Role.Other);
        if (other is not null)
            notes.Add(Invariant($"{Words.Count(other.Total, "record")} with a perspective that is not {pos}, {neg} or {scenario.NeutralName}"));
        if (model.NoFactors > 0)
            notes.Add(Invariant($"{Words.Count(model.NoFactors, "record")} without factors: counted in n only"));
        if (model.NotInGrid > 0)
            notes.Add(Invariant($"{Words.Count(model.NotInGrid, "record")} {(model.NotInGrid == 1 ? "matches" : "match")} no prompt of scenario {scenario.Scenario.Id}: left out of the paired statistics"));
        if (model.Ambiguous > 0)
            notes.Add(Invariant($"{Words.Count(model.Ambiguous, "record")} {(model.Ambiguous == 1 ? "fits" : "fit")} several prompts with no prompt id that tells them apart: left out of the paired statistics"));
        if (model.Duplicates > 0)
            notes.Add(Invariant($"{Words.Count(model.Duplicates, "scored row")} {(model.Duplicates == 1 ? "repeats" : "repeat")} a (prompt, sample) already seen; all are counted"));
        return notes;
    }

    private static long Scored(ModelStatistics model, Role role) =>
        model.Perspectives.FirstOrDefault(p => p.Role == role)?.Scored ?? 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
