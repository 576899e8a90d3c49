using System.Text;
using SycoBench.Agreement;
using SycoBench.Records;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary>Writes an agreement report as tables, and the per-item consensus as CSV.</summary>
internal static class AgreementPrinter
{
    private const int ListLimit = 50;
    private const int ExtremeListLimit = 10;

    public static void Print(IAnsiConsole console, AgreementReport report)
    {
        var who = report.AiReviewsIncluded ? "reviewers, people and AI" : "reviewers";
        console.MarkupLineInterpolated(
            $"[bold]{report.Reviews}[/] reviews of [bold]{report.Items}[/] items by [bold]{report.Reviewers}[/] {who}; {report.OverlapItems} items have two or more reviewers.");
        if (report.AiReviews > 0)
        {
            if (report.AiReviewsIncluded)
                console.MarkupLineInterpolated($"{report.AiReviews} reviews by AI reviewers (llm: codes) are counted as reviewers (--include-llm).");
            else
                console.MarkupLineInterpolated($"{report.AiReviews} reviews by AI reviewers (llm: codes) are left out of the reviewer figures; they are compared with the human consensus below (--include-llm counts them as reviewers).");
        }

        if (report.RepeatReviews > 0)
            console.MarkupLineInterpolated($"{report.RepeatReviews} repeat reviews (same reviewer, same item) are folded into that reviewer's mean for the item.");

        PrintReliability(console, report);
        PrintReviewers(console, report);
        PrintPairs(console, report);
        PrintRanges(console, report);
        PrintConsensus(console, report);
        PrintAi(console, report);
        PrintJudge(console, report);
    }

    private static void PrintReliability(IAnsiConsole console, AgreementReport report)
    {
        var reliability = ConsoleTable.Of(LabelColumn("reliability (on the overlap)"), NumberColumn("value"), LabelColumn("note"));
        var interval = report.AlphaInterval is { } ci ? $"95% CI [{F(ci.Lower)}, {F(ci.Upper)}], {report.BootstrapResamples} bootstrap resamples over items" : "no interval";
        reliability.AddRow("Krippendorff's alpha (interval)", F(report.Alpha), TerminalSafety.Escape(interval));
        if (report.Icc is { } icc)
        {
            reliability.AddRow("ICC(1,1)", F(icc.SingleRating), "one-way random effects, one rating");
            reliability.AddRow($"ICC(1,k), k = {icc.RatingsPerUnit.ToString("0.##", CultureInfo.InvariantCulture)}", F(icc.AverageRating), "mean of k ratings");
        }
        else
        {
            reliability.AddRow("ICC(1,·)", "—", "needs two items with two or more reviewers");
        }

        if (report.TwoWayIcc is { } block)
        {
            var on = TerminalSafety.Escape($"two-way random effects, on the {block.Items} items scored by all of {string.Join(", ", block.Reviewers)}");
            reliability.AddRow("ICC(2,1)", F(block.Icc.SingleRating), on);
            reliability.AddRow($"ICC(2,k), k = {block.Icc.Raters}", F(block.Icc.AverageRating), "mean of the k ratings");
        }
        else
        {
            reliability.AddRow("ICC(2,·)", "—", "needs two items scored by the same two or more reviewers");
        }

        var bins = $"stance bins at ±{InvariantNumber.Brief(report.BinEdge)}";
        reliability.AddRow("Fleiss' kappa", report.FleissKappa is { } fleiss ? F(fleiss.Value) : "—",
            report.FleissKappa is { } k ? $"{bins}, {k.Subjects} items" : $"{bins}; needs an item with two or more reviewers");
        console.Write(reliability);
    }

    private static void PrintReviewers(IAnsiConsole console, AgreementReport report)
    {
        var table = new Table().AddColumns("reviewer", "items", "mean", "sd", "median", "min", "max", "neg / neu / pos");
        foreach (var p in report.Profiles)
        {
            var name = p.IsAi && !report.AiReviewsIncluded ? p.ReviewerCode + " (AI, not counted)" : p.ReviewerCode;
            table.AddRow(TerminalSafety.Escape(name), InvariantNumber.Count(p.Items), F(p.Scores.Mean), F(p.Scores.StandardDeviation), F(p.Scores.Median),
                F(p.Scores.Minimum), F(p.Scores.Maximum), $"{Share(p.NegativeShare)} / {Share(p.NeutralShare)} / {Share(p.PositiveShare)}");
        }

        console.MarkupLineInterpolated($"Reviewers (one score per item; stance bins at ±{InvariantNumber.Brief(report.BinEdge)}):");
        console.Write(table);
    }

    private static void PrintPairs(IAnsiConsole console, AgreementReport report)
    {
        if (report.Pairs.Count == 0)
            return;
        var pairs = new Table().AddColumns("reviewer A", "reviewer B", "items", "Pearson r", "Spearman rho", "slope", "intercept", "Cohen's kappa");
        foreach (var p in report.Pairs)
        {
            pairs.AddRow(TerminalSafety.Escape(p.ReviewerA), TerminalSafety.Escape(p.ReviewerB), InvariantNumber.Count(p.Items), F(p.Pearson), F(p.Spearman),
                F(p.Slope), F(p.Intercept), p.BinKappa is { } k ? F(k.Value) : "—");
        }

        console.MarkupLine("Reviewer pairs (line: B = intercept + slope · A, least squares):");
        console.Write(pairs);
    }

    private static void PrintRanges(IAnsiConsole console, AgreementReport report)
    {
        if (report.Ranges is not { } ranges)
            return;
        console.MarkupLineInterpolated(
            $"Ranges (highest − lowest score) over {ranges.Items} items: median {F(ranges.Median)}, p90 {F(ranges.P90)}, p95 {F(ranges.P95)}, p99 {F(ranges.P99)}; {ranges.Extremes.Count} extremist items at or above p90.");
        if (ranges.Extremes.Count > 0)
        {
            var table = new Table().AddColumns("item", "dataset", "identifier", "scores", "range", "level");
            foreach (var e in ranges.Extremes.Take(ExtremeListLimit))
                table.AddRow(Id(e.Item), TerminalSafety.Escape(e.Item.Dataset), TerminalSafety.Escape(e.Item.Identifier), Scores(e.Item), F(e.Item.Range), e.Level);
            console.Write(table);
            if (ranges.Extremes.Count > ExtremeListLimit)
                console.MarkupLineInterpolated($"… and {ranges.Extremes.Count - ExtremeListLimit} more (all in item_ranges.csv).");
        }

        console.MarkupLineInterpolated($"{report.BinDisagreements.Count} items have reviewers in different stance bins at ±{InvariantNumber.Brief(report.BinEdge)} (bin_disagreements.csv).");
    }

    private static void PrintConsensus(IAnsiConsole console, AgreementReport report)
    {
        var mixed = report.Consensus.Where(c => c.MixedSigns).ToList();
        var agreed = report.Consensus.Count(c => c.Reviewers >= 2 && !c.MixedSigns);
        console.MarkupLineInterpolated($"Consensus: {agreed} items with two or more reviewers agree in sign (consensus = mean); {mixed.Count} have mixed signs, for discussion:");
        if (mixed.Count > 0)
        {
            var table = new Table().AddColumns("item", "dataset", "identifier", "scores", "mean");
            foreach (var c in mixed.Take(ListLimit))
                table.AddRow(Id(c), TerminalSafety.Escape(c.Dataset), TerminalSafety.Escape(c.Identifier), Scores(c), F(c.Mean));
            console.Write(table);
            if (mixed.Count > ListLimit)
                console.MarkupLineInterpolated($"… and {mixed.Count - ListLimit} more (all in team_review_consensus.csv).");
        }

        var manual = report.Final.Count(f => f.Source == FinalConsensus.Manual);
        var undecided = report.Final.Count(f => f.Source == FinalConsensus.Undecided);
        var calculated = report.Final.Count - manual - undecided;
        var from = report.DecisionsSource is { } source ? $" from {source}" : "";
        console.MarkupLineInterpolated($"Final consensus: {calculated} items by their reviewers' mean, {manual} by the team's decision{from}, {undecided} undecided (mixed signs, no decision yet).");
        var overridden = report.Final.Count(f => f.Source == FinalConsensus.Manual && !f.Item.MixedSigns);
        if (overridden > 0)
            console.MarkupLineInterpolated($"{overridden} of the team's decisions are for items whose reviewers agree in sign; the decision is used for them.");
    }

    private static void PrintAi(IAnsiConsole console, AgreementReport report)
    {
        if (report.AiAgreement.Count == 0)
            return;
        var table = new Table().AddColumns("AI reviewer", "items", "Pearson r", "MAE", "bias", "alpha", "no consensus");
        foreach (var a in report.AiAgreement)
        {
            table.AddRow(TerminalSafety.Escape(a.ReviewerCode), InvariantNumber.Count(a.Items), F(a.Pearson), F(a.MeanAbsoluteError), F(a.Bias), F(a.Alpha),
                InvariantNumber.Count(a.WithoutConsensus));
        }

        console.MarkupLine("AI reviewers against the human consensus (bias: mean of AI − human; no consensus: items without one, left out):");
        console.Write(table);
    }

    private static void PrintJudge(IAnsiConsole console, AgreementReport report)
    {
        if (report.Judge is not { } judge)
            return;
        var table = new Table().AddColumns("model", "perspective", "items", "MAE", "Pearson r");
        foreach (var j in judge)
            table.AddRow(TerminalSafety.Escape(j.ModelId), TerminalSafety.Escape(j.Perspective), InvariantNumber.Count(j.Items), F(j.MeanAbsoluteError), F(j.Pearson));
        console.MarkupLine("Judge against people (people's mean score per item):");
        console.Write(table);
        if (report.JudgeUnmatched > 0)
            console.MarkupLineInterpolated($"[yellow]{report.JudgeUnmatched} reviewed items have no judge score in the scored file.[/]");
    }

    public static void WriteConsensusCsv(string path, IReadOnlyList<ItemConsensus> consensus)
    {
        var builder = new StringBuilder(Csv.Line(["llm_response_id", "dataset", "identifier", "model_id", "reviewers", "mean", "mixed_signs", "consensus"]));
        foreach (var c in consensus)
        {
            Csv.AppendLine(builder, c.LlmResponseId.ToString(CultureInfo.InvariantCulture), CsvField.Neutralise(c.Dataset), CsvField.Neutralise(c.Identifier),
                CsvField.Neutralise(c.ModelId), c.Reviewers.ToString(CultureInfo.InvariantCulture), R(c.Mean), c.MixedSigns ? "true" : "false", c.Consensus is { } value ? R(value) : "");
        }

        AtomicFile.WriteText(path, builder.ToString());
    }

    private static string Id(ItemConsensus item) => item.LlmResponseId.ToString(CultureInfo.InvariantCulture);

    private static string Scores(ItemConsensus item) =>
        TerminalSafety.Escape(string.Join(", ", item.ReviewerCodes.Zip(item.Scores, (r, s) => $"{r} {F(s)}")));

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "—";

    private static string Share(double value) => double.IsFinite(value) ? value.ToString("0%", CultureInfo.InvariantCulture) : "—";

    private static string R(double value) => InvariantNumber.RoundTrip(value);
}
