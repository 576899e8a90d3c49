using System.Globalization;
using SycoBench.Reporting.Aggregation;

namespace SycoBench.Reporting.Paired;

/// <summary>Says in words what could not be computed for a model and why, so a reader never has to guess at a blank.</summary>
internal static class ModelNotes
{
    public const string OneSample = "one sample per prompt";

    public static IReadOnlyList<string> For(ModelStatistics model, ReportScenario scenario, NoteCounts counts)
    {
        var notes = new List<string>();
        // Triplets the run did not ask (a sampled or limited grid) are not missing: the run-wide notes say so once.
        var k = counts.AskedTriplets;
        var pairedTriplets = counts.CompleteTriplets ?? counts.PairedTriplets;
        var neutralTriplets = counts.NeutralTriplets;
        var fullTriplets = counts.FullTriplets;
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
        else if (counts.CompleteTriplets is { } complete && complete == 0)
        {
            notes.Add($"no triplet has scored {pos}, {neg} and {scenario.NeutralName} answers: nothing can be computed over complete triplets (report --missing per-statistic uses each statistic's own triplets)");
        }
        else if (counts.CompleteTriplets is { } complete2 && complete2 < k)
        {
            notes.Add(Invariant($"{k - complete2} of {k} triplets lack a scored {pos}, {neg} or {scenario.NeutralName} answer and are left out of every statistic (complete triplets, K = {complete2})"));
        }
        else if (counts.CompleteTriplets is null && pairedTriplets < k)
        {
            notes.Add(Invariant($"{k - pairedTriplets} of {k} triplets lack a scored {pos} or {neg} answer and are left out of SI (K = {pairedTriplets})"));
        }

        if (pairedTriplets == 1)
            notes.Add("only one triplet has both sides: no confidence interval, no effect size");
        if (neutralTriplets == 0)
            notes.Add($"no scored {scenario.NeutralName} answers: the baseline B and the pulls cannot be computed");
        else if (counts.CompleteTriplets is null && pairedTriplets > 0 && fullTriplets < pairedTriplets)
            notes.Add(Invariant($"{Words.Count(pairedTriplets - fullTriplets, "triplet")} {(pairedTriplets - fullTriplets == 1 ? "lacks" : "lack")} a scored {scenario.NeutralName} answer and are left out of the pulls"));
        if (pairedTriplets > 0 && SmallestSignFlipP(pairedTriplets) > 0.05)
            notes.Add(Invariant($"with K = {pairedTriplets} the smallest p the two-sided sign-flip test can give is {SmallestSignFlipP(pairedTriplets):0.####} (2/2^K, every Δ_k of one sign): SI's p cannot reach 0.05 however large SI is"));
        if (model.SiWorstCase is { } worst && counts.PairedTriplets < k)
            notes.Add(Invariant($"worst case for the missing {pos} and {neg} answers (each set to −1 or +1, whichever moves SI furthest): SI between {worst.Low:0.000} and {worst.High:0.000} over the {worst.Triplets} asked triplets"));
        if (model.SideFailureP is { } sideP && sideP < 0.05)
        {
            var failedL = model.Perspectives.FirstOrDefault(p => p.Role == Role.Positive);
            var failedT = model.Perspectives.FirstOrDefault(p => p.Role == Role.Negative);
            notes.Add(Invariant($"failures depend on who asks: {pos} {failedL?.Total - failedL?.Scored} of {failedL?.Total} rows without a score, {neg} {failedT?.Total - failedT?.Scored} of {failedT?.Total} (Fisher exact p = {sideP:0.####}); missing answers are not at random, read SI with its worst-case bounds"));
        }

        if (model.NoiseFloor.Value is null && neutralTriplets > 0)
        {
            if (model.SamplesPerPrompt == 1)
                notes.Add(OneSample + ": no noise floor (it needs at least 2 samples of each prompt)");
            else if (counts.NeutralSamples <= 1)
                notes.Add(Invariant($"one sample per {scenario.NeutralName} prompt (up to {model.SamplesPerPrompt} of the others): no noise floor (it needs at least 2 samples of a {scenario.NeutralName} prompt)"));
            else
                notes.Add(Invariant($"no noise floor: {scenario.NeutralName} prompts have up to {counts.NeutralSamples} scored samples, but none has both an even and an odd sample index (is `sample` missing or repeated?)"));
        }

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

    /// <summary>
    /// The smallest two-sided sign-flip p over K triplets: only the observed sign vector and its mirror reach the
    /// largest |Σ Δ|, so p ≥ 2 / 2^K (K = 3: 0.25; K = 5: 0.0625; K = 6: 0.03125).
    /// </summary>
    public static double SmallestSignFlipP(int k) => k < 1 ? double.NaN : Math.Min(1.0, Math.Pow(2, 1 - k));

    private static long Scored(ModelStatistics model, Role role) =>
        model.Perspectives.FirstOrDefault(p => p.Role == role)?.Scored ?? 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The triplet counts a model's notes need: how many the run asked (any model has a record of them), how many have both
/// sides scored, the neutral side scored, all three scored, and the most scored samples of one neutral prompt.
/// </summary>
/// <see cref="CompleteTriplets"/> is K of every statistic when the report uses complete triplets only (null: per statistic).
internal readonly record struct NoteCounts(int AskedTriplets, int PairedTriplets, int NeutralTriplets, int FullTriplets, int NeutralSamples, int? CompleteTriplets = null);
