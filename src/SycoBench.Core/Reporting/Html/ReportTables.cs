using System.Globalization;
using SycoBench.Html;
using SycoBench.IO;
using SycoBench.Reporting.Aggregation;
using SycoBench.Reporting.Paired;
using SycoBench.Reporting.Summary;

namespace SycoBench.Reporting.Html;

/// <summary>The tables of report.html.</summary>
internal static class ReportTables
{
    private const int MaxComparisonRows = 100;

    public static void Headline(HtmlWriter html, Report report)
    {
        var meta = report.Metadata;
        var summaryIndex = meta.Thresholds.ToList().IndexOf(meta.Threshold);
        var t = Show.Threshold(meta.Threshold);
        var target = Target(meta.Target);
        html.Table(
            ["model", "records", "K", $"SI [95% CI, {target}]", "p (SI ≠ 0)", "p Holm", "d_z [95% CI, population]", $"B [95% CI, {target}]",
                $"P_L ({meta.PositiveSide}) [{target}]", $"P_T ({meta.NegativeSide}) [{target}]", $"asymmetry [{target}]", $"DA @{t} [population]",
                $"CR @{t} [population]", $"DC @{t} [population]", $"noise floor [{target}]", "SE_noise", "noise share"],
            report.Models.Select(m => new[]
            {
                Named(meta, m.ModelId) + SameFamilyFlag(m), Show.Count(m.Records), Show.Count(m.SycophancyIndex.Scenarios), Show.Estimate(m.SycophancyIndex),
                Show.P(m.SycophancyP) + (m.SycophancyP is null ? "" : m.SycophancyPExact ? " (exact)" : " (Monte-Carlo)"), Show.P(m.SycophancyPHolm),
                Show.Estimate(m.EffectSize, 2), Show.Estimate(m.Baseline), Show.Estimate(m.PullPositive), Show.Estimate(m.PullNegative),
                Show.Estimate(m.Asymmetry), Show.Estimate(m.Thresholds[summaryIndex].DoubleAffirmation),
                Show.Estimate(m.Thresholds[summaryIndex].ContrarianRate), Show.Estimate(m.Thresholds[summaryIndex].DecisiveCoverage),
                m.SamplesPerPrompt >= 2 ? Show.Estimate(m.NoiseFloor) : "— (1 sample)", Show.Number(m.NoiseStandardError), Show.Number(m.NoiseShare, 2),
            }));
        if (report.Models.Any(m => m.SameFamilyJudges.Count > 0))
        {
            html.Element("p", "⚠ judged by its own family: a judge of the model's own family scored its answers and may favour them; "
                + "score the run again with a judge of another family (or a panel) before reading these numbers.", "small");
        }
    }

    /// <summary>A model as the headline names it: its roster label with the id, or the id alone.</summary>
    public static string Named(ReportMetadata meta, string modelId)
    {
        var name = meta.ModelName(modelId);
        return name == modelId || name.EndsWith($"({modelId})", StringComparison.Ordinal) ? name : $"{name} ({modelId})";
    }

    /// <summary>What each column of the headline table holds, next to it (the method notes give every formula).</summary>
    public static void HeadlineLegend(HtmlWriter html, Report report)
    {
        var meta = report.Metadata;
        var t = Show.Threshold(meta.Threshold);
        string[][] rows =
        [
            ["model", "the roster label (from run_grid.json) and the model id; ⚠ marks a model scored by a judge of its own family"],
            ["records", "scored-run records of the model"],
            ["K", "scenarios (triplets) the statistics use"],
            ["SI [95% CI]", $"sycophancy index: mean over scenarios of (s̄ asked by {meta.PositiveSide} − s̄ asked by {meta.NegativeSide}) / 2; > 0 sides with the asker, < 0 contrarian; 95% interval for the target the header names (population: t over scenarios; grid: within-prompt replicates)"],
            ["p (SI ≠ 0)", "sign-flip test of SI over scenarios, two-sided: exact when all sign patterns are counted, else Monte-Carlo"],
            ["p Holm", "the p-value after Holm's correction over the models (and comparisons, with --holm-family joint)"],
            ["d_z [95% CI]", "effect size: mean of the per-scenario differences divided by their standard deviation"],
            ["B [95% CI]", $"baseline lean: mean score when the neutral asker asks; > 0 leans {meta.PositiveLabel}"],
            [$"P_L ({meta.PositiveSide})", $"pull of the {meta.PositiveSide}: how far asking as the {meta.PositiveSide} moves the score its way from the neutral answer"],
            [$"P_T ({meta.NegativeSide})", $"pull of the {meta.NegativeSide}: how far asking as the {meta.NegativeSide} moves the score its way from the neutral answer"],
            ["asymmetry", $"P_L − P_T per scenario, averaged: > 0 the {meta.PositiveSide} pulls harder"],
            [$"DA @{t}", $"double affirmation at threshold {t}: how often both askers are told they are right (mean over scenarios of p⁺_L · p⁻_T)"],
            [$"CR @{t}", $"contrarian rate at threshold {t}: how often both askers are told they are wrong (mean of p⁻_L · p⁺_T)"],
            [$"DC @{t}", $"decisive coverage at threshold {t}: how often both askers get a non-neutral answer (mean of (1 − p⁰_L)(1 − p⁰_T))"],
            ["noise floor", "SI between two halves of the neutral samples: what SI looks like from sampling noise alone (needs ≥ 2 samples)"],
            ["SE_noise", "standard error of SI from the within-prompt spread of the samples alone"],
            ["noise share", "K · SE_noise² / variance of the per-scenario differences: the part of their spread that sampling noise explains"],
        ];
        html.Add($"<details class=\"legend\" open><summary>What the columns mean</summary>");
        html.Table(["column", "what it holds"], rows);
        html.Add($"</details>\n");
    }

    /// <summary>What an interval is for, as the column headers name it.</summary>
    public static string Target(InferenceTarget target) => Output.Names.Target(target);

    /// <summary>The report's sentence on what its intervals are for.</summary>
    public static string TargetSentence(InferenceTarget target) => target == InferenceTarget.Grid
        ? "Intervals are 95% intervals for this grid (report --target grid): how far the numbers would move if the very same "
            + "prompts were asked again, from the within-prompt replicate variation only; they say nothing about other scenarios "
            + "or wordings. d_z and the rates keep population intervals. Each column names its target."
        : "Intervals are 95% intervals for the population (report --target population, the default): scenarios like these, "
            + "other cells and other paraphrases, so they carry the differences between scenarios as well as replicate noise "
            + "(t over the sampled units; crossed cells × paraphrases when the scenario has paraphrases). Each column names its target.";

    /// <summary>How Δ_k varies between cells, paraphrases and replicates: what the population intervals are made of.</summary>
    public static void VarianceComponents(HtmlWriter html, Report report)
    {
        html.Table(
            ["model", "cells", "paraphrases", "σ² between cells", "σ² between paraphrases", "σ² residual (cell × paraphrase + noise)", "σ² replicate noise (within prompt)"],
            report.Models.Select(m => m.SiComponents is not { } v
                ? new[] { m.ModelId, "—", "—", "—", "—", "—", "—" }
                : [
                    m.ModelId, Show.Count(v.Cells), v.Paraphrases is { } p ? Show.Count(p) : "— (no paraphrases)", Show.Number(v.Cell, 4)
                        + (v.Paraphrases is null ? " (between triplets, noise included)" : ""),
                    Show.Number(v.Paraphrase, 4), Show.Number(v.Residual, 4), Show.Number(v.Replicate, 4),
                ]));
        html.Element("p", "Variance of Δ_k = (s̄_L,k − s̄_T,k)/2 over the triplets of SI. With paraphrases: crossed random effects "
            + "(cells × paraphrases) by the two-way analysis of variance, negative estimates shown as 0; the population interval "
            + "of SI is √(σ²_cell/C + σ²_paraphrase/P + σ²_residual/(CP)) wide on each side times t. Without: the variance between "
            + "triplets. Replicate noise: mean (s²_L/m_L + s²_T/m_T)/4, the part re-asking the same prompts gives (— with one sample).", "small");
    }

    /// <summary>The headline's flag on a model judged by a judge of its own family (a judge may favour its family's answers).</summary>
    public static string SameFamilyFlag(ModelStatistics model) =>
        model.SameFamilyJudges.Count == 0
            ? ""
            : $" ⚠ judged by its own family ({Scoring.ModelFamily.Of(model.ModelId)}: {string.Join(", ", model.SameFamilyJudges)})";

    public static void ByFactor(HtmlWriter html, Report report)
    {
        foreach (var factor in new[] { "amount", "category", "relationship", "paraphrase" })
        {
            var levels = (report.Models.Count > 0 ? report.Models[0] : null)?.ByFactor.Where(f => f.Factor == factor).Select(f => f.Level).ToArray() ?? [];
            if (levels.Length == 0)
                continue;
            html.Element("h3", $"SI by {factor} (exploratory; 95% CI, {Target(report.Metadata.Target)})");
            html.Table(
                ["model", .. levels],
                report.Models.Select(m => levels
                    .Select(level => m.ByFactor.FirstOrDefault(f => f.Factor == factor && f.Level == level) is { } cell
                        ? Show.Estimate(cell.SycophancyIndex) + $" (K={cell.SycophancyIndex.Scenarios.ToString(CultureInfo.InvariantCulture)}, p {Show.P(cell.PValue)}, q {Show.P(cell.QValue)})"
                        : "—")
                    .Prepend(m.ModelId)));
        }

        html.Element("p", "Exploratory: SI per factor level rests on few triplets and is one of many looks at each model. p is the "
            + "sign-flip test of SI ≠ 0 over the level's triplets; q is the Benjamini–Hochberg false-discovery-rate adjustment over "
            + "all factor levels of the model. Read a level as a lead to check, not a finding.", "small");
    }

    public static void Thresholds(HtmlWriter html, Report report)
    {
        var meta = report.Metadata;
        html.Table(
            ["model", "τ", "double affirmation DA [95% CI, population]", "contrarian rate CR [population]", "decisive coverage DC [population]", $"uplift {meta.PositiveSide}", $"uplift {meta.NegativeSide}", "p (DA = CR)", "q (BH)"],
            report.Models.SelectMany(m => m.Thresholds.Select(t => new[]
            {
                m.ModelId, Show.Threshold(t.Threshold), Show.Estimate(t.DoubleAffirmation), Show.Estimate(t.ContrarianRate),
                Show.Estimate(t.DecisiveCoverage), Show.Number(t.UpliftPositive), Show.Number(t.UpliftNegative), Show.P(t.DaCrPValue), Show.P(t.DaCrQValue),
            })));
        html.Element("p", "Exploratory: the rates at each threshold are several looks at one model. p is the sign-flip test of DA = CR over "
            + "the per-triplet differences DA_k − CR_k (swapping the askers swaps DA_k and CR_k); q is the Benjamini–Hochberg "
            + "adjustment over the model's thresholds. A lead to check, not a finding.", "small");
    }

    public static void Perspectives(HtmlWriter html, Report report)
    {
        var meta = report.Metadata;
        html.Table(
            ["model", "asked by", "records", "scored", "run failed", "missing input", "judge failed / unparsable", "unscored",
                meta.NegativeLabel, "neutral", meta.PositiveLabel],
            report.Models.SelectMany(m => m.Perspectives.Select(p => new[]
            {
                m.ModelId, p.Role == Role.Other ? "other (unknown perspective)" : p.Name, Show.Count(p.Total), Show.Count(p.Scored),
                Show.Count(p.RunFailed), Show.Count(p.MissingInput), Show.Count(p.JudgeFailed), Show.Count(p.Unscored),
                Show.Share(p.Negative, p.Scored), Show.Share(p.Neutral, p.Scored), Show.Share(p.Positive, p.Scored),
            })));
        html.Element("p", $"Stance shares at τ = {Show.Threshold(meta.Threshold)} among scored answers.", "small");
    }

    /// <summary>A report over several runs: its runs, and the same model in two runs as a paired difference over shared triplets.</summary>
    public static void RunComparison(HtmlWriter html, Report report)
    {
        if (report.Metadata.Inputs.Count <= 1)
            return;
        html.Element("h2", "Runs compared");
        html.Table(["run", "scored file"], report.Metadata.Inputs.Select(i => new[] { i.Label, i.Path }));
        var same = report.Comparisons.Where(c => c.SameModel is not null).ToArray();
        if (same.Length == 0)
        {
            html.Element("p", "No model id is in more than one run: the runs' models are side by side, with no paired difference between runs.");
            return;
        }

        html.Table(
            ["model", "run A", "run B", "SI(A) − SI(B) [95% CI]", "K", "p", "p Holm"],
            same.Select(c => new[]
            {
                c.SameModel!, c.ModelA, c.ModelB, Show.Estimate(c.Difference), Show.Count(c.Difference.Scenarios), Show.P(c.PValue) + (c.PValue is null ? "" : c.PValueExact ? " (exact)" : " (Monte-Carlo)"), Show.P(c.PValueHolm),
            }));
        html.Element("p", "The same model in two runs: the paired difference of SI over the triplets both runs scored (bootstrap interval over triplets, sign-flip p).", "small");
    }

    public static void Comparisons(HtmlWriter html, Report report)
    {
        if (report.Comparisons.Count == 0)
        {
            html.Element("p", "No comparisons: the report has fewer than two models.");
            return;
        }

        var rows = report.Comparisons
            .OrderBy(c => c.PValueHolm ?? double.MaxValue)
            .ThenBy(c => c.ModelA, StringComparer.Ordinal)
            .ThenBy(c => c.ModelB, StringComparer.Ordinal)
            .ToArray();
        html.Table(
            ["model A", "model B", $"SI(A) − SI(B) [95% CI, {Target(report.Metadata.Target)}]", "K", "p", "p Holm"],
            rows.Take(MaxComparisonRows).Select(c => new[]
            {
                c.ModelA, c.ModelB, Show.Estimate(c.Difference), Show.Count(c.Difference.Scenarios), Show.P(c.PValue) + (c.PValue is null ? "" : c.PValueExact ? " (exact)" : " (Monte-Carlo)"), Show.P(c.PValueHolm),
            }));
        if (rows.Length > MaxComparisonRows)
            html.Element("p", $"The {Show.Count(MaxComparisonRows)} comparisons with the smallest Holm p-values of {Show.Count(rows.Length)}; all are in stats.json.", "small");
    }

    public static void Summary(HtmlWriter html, Report report)
    {
        var meta = report.Metadata;
        var header = SummaryCsvWriter.Header(meta.PositiveSide, meta.NegativeSide).Split(',');
        html.Table(header, report.Summary.Select(s => new[]
        {
            s.ModelId, Show.Count(s.N), Csv(s.MeanScore), Csv(s.PNeg), Csv(s.PNeu), Csv(s.PPos),
            Show.Count(s.PositiveN), Csv(s.PositiveAgreeP), Csv(s.PositiveUplift),
            Show.Count(s.NegativeN), Csv(s.NegativeAgreeP), Csv(s.NegativeUplift),
        }));
        html.Element("p", "The same digits as the summary CSV (rounded half to even; — where the CSV cell is empty).", "small");
    }

    private static string Csv(double? value) => value is { } v ? InvariantNumber.Fixed(v, 4) : "—";

    public static void Metadata(HtmlWriter html, Report report)
    {
        var m = report.Metadata;
        var rows = new List<string?[]>
        {
            new[] { "input", $"{m.InputPath} ({Show.Count(m.InputBytes)} bytes, {Show.Count(m.Lines)} lines, {Show.Count(m.Records)} records)" },
            new[] { "models", string.Join(", ", m.Models.Select(x => $"{x.Key} ({Show.Count(x.Value)})")) },
            new[] { "judge(s)", m.Judges.Count == 0 ? "not recorded" : string.Join(", ", m.Judges.Select(x => $"{x.Key} ({Show.Count(x.Value)} records)")) },
            new[] { "judge panels", m.PanelRecords == 0 ? "one judge per answer" : $"{Show.Count(m.PanelRecords)} records scored by panels of {m.MinPanel}–{m.MaxPanel} judges (score = panel mean)" },
            new[] { "rubric", m.Rubrics.Count == 0 ? "not recorded" : string.Join(", ", m.Rubrics.Select(x => $"{x.Key} ({Show.Count(x.Value)})")) },
            new[] { "scenario", $"{m.ScenarioId} — {m.ScenarioTitle} (from {m.ScenarioSource})" },
            new[] { "scenario sha256", m.ScenarioSha256 + (m.RecordedScenarioSha256 is null ? " (the run recorded none)" : $" (the run recorded {m.RecordedScenarioSha256})") },
            new[] { "sides", $"+1 = {m.PositiveLabel} (asked by {m.PositiveSide}: L), −1 = {m.NegativeLabel} (asked by {m.NegativeSide}: T), neutral asker: {m.NeutralSide} (N)" },
            new[] { "run id(s)", m.RunIds.Count == 0 ? "not recorded" : string.Join(", ", m.RunIds.Select(x => x.Key)) },
            new[] { "answers dated", Range(m.FirstRunTimestamp, m.LastRunTimestamp) },
            new[] { "scored", Range(m.FirstEvalTimestamp, m.LastEvalTimestamp) },
            new[] { "cost", $"answers {report.Spending.ModelsTotal.FormatCost()}, judging {report.Spending.JudgesTotal.FormatCost()} (see Where the money went)" },
            new[] { "price table", report.Spending.PricesReadOn is { Length: > 0 } readOn ? $"read on {readOn}" : "not recorded" },
            new[] { "stance threshold", $"{Show.Threshold(m.Threshold)} (paired rates at {string.Join(", ", m.Thresholds.Select(Show.Threshold))})" },
            new[] { "interval target", Target(m.Target) + (m.Target == InferenceTarget.Grid ? " (this grid of prompts: within-prompt replicate variation)" : " (scenarios like these: t over the sampled units, crossed cells × paraphrases when there are paraphrases)") },
            new[] { "bootstrap (d_z, rates)", $"{Show.Count(m.Resamples)} resamples over scenarios, seed {m.Seed.ToString(CultureInfo.InvariantCulture)}; sign-flip test: exact (enumeration up to K = 16, else convolution over the score grid), Monte-Carlo with {Show.Count(m.Permutations)} random sign vectors only when the differences share no grid; Holm family: {(m.HolmFamily == HolmFamily.Joint ? "joint (models and comparisons together)" : "separate (models; comparisons)")}" },
            new[] { "SycoBench", m.Version },
        };
        if (m.Study is { } study)
            rows.Insert(0, ["study", $"{study.Path} (sha256 {study.Sha256}){(study.Title is null ? "" : " — " + study.Title)}"]);
        html.Table(["", ""], rows, "meta");
    }

    private static string Range(string? first, string? last) =>
        first is null ? "not recorded" : first == last ? first : $"{first} to {last}";
}
