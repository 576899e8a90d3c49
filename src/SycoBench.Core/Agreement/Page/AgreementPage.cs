using System.Globalization;
using System.Text;
using SycoBench.Html;
using SycoBench.IO;
using SycoBench.Reporting.Charts;
using SycoBench.Reporting.Html;
using SycoBench.Reporting.Output;

namespace SycoBench.Agreement.Page;

/// <summary>
/// agreement.html: one self-contained page (charts inlined as PNG data, no script, no link to anything) with the
/// reliability figures, each reviewer's distribution, reviewer-pair scatter plots, AI reviewers against the human
/// consensus, and every table of the analysis. Every value is HTML-encoded.
/// </summary>
public static class AgreementPage
{
    public const string FileName = "agreement.html";

    /// <summary>Scatter plots drawn at most, for the pairs sharing the most items (the table lists every pair).</summary>
    public const int MaxScatterPlots = 24;

    private const string Style = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2rem auto;max-width:1200px;color:#222;line-height:1.45;padding:0 1rem}
        h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
        table{border-collapse:collapse;margin:.6rem 0 1.2rem;font-size:.86rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
        th{background:#f4f4f4}td{font-variant-numeric:tabular-nums}.small{font-size:.85rem;color:#555}
        .charts{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0 0 1rem}figure img{max-width:100%;height:auto;border:1px solid #eee}
        figcaption{font-size:.85rem;color:#555;max-width:460px}.notes li{margin:.2rem 0}
        """;

    public static void Write(AgreementReport report, string reviewsName, string path, IAgreementChartRenderer charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = Render(report, reviewsName, charts);
        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(html)));
    }

    public static string Render(AgreementReport report, string reviewsName, IAgreementChartRenderer charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        var html = new HtmlWriter();
        html.StaticPageHead($"SycoBench agreement: {reviewsName}", Style);
        html.Element("h1", $"SycoBench agreement — {reviewsName}");
        var who = report.AiReviewsIncluded ? "reviewers (people and AI)" : "reviewers";
        html.Element("p", $"{Show.Count(report.Reviews)} reviews of {Show.Count(report.Items)} items by {Show.Count(report.Reviewers)} {who}; "
            + $"{Show.Count(report.OverlapItems)} items have two or more reviewers. A reviewer who scored an item more than once counts once, with the mean.");
        if (report.AiReviews > 0)
        {
            html.Element("p", report.AiReviewsIncluded
                ? $"{Show.Count(report.AiReviews)} reviews by AI reviewers (llm: codes) are counted as reviewers."
                : $"{Show.Count(report.AiReviews)} reviews by AI reviewers (llm: codes) are left out of the reviewer figures and compared with the human consensus instead.");
        }

        Reliability(html, report);
        Reviewers(html, report, charts);
        Pairs(html, report, charts);
        Ranges(html, report);
        Consensus(html, report);
        Ai(html, report, charts);
        Judge(html, report);
        Method(html, report);
        html.Add($"</body></html>\n");
        return html.ToString();
    }

    private static void Reliability(HtmlWriter html, AgreementReport report)
    {
        html.Element("h2", "Reliability");
        var rows = new List<string?[]>
        {
            new[] { "Krippendorff's alpha (interval)", N(report.Alpha), report.AlphaInterval is { } ci ? $"95% CI [{N(ci.Lower)}, {N(ci.Upper)}], {Show.Count(report.BootstrapResamples)} bootstrap resamples over items" : "no interval" },
        };
        if (report.Icc is { } icc)
        {
            rows.Add(["ICC(1,1)", N(icc.SingleRating), "one-way random effects, one rating"]);
            rows.Add([$"ICC(1,k), k = {icc.RatingsPerUnit.ToString("0.##", CultureInfo.InvariantCulture)}", N(icc.AverageRating), "mean of k ratings"]);
        }

        if (report.TwoWayIcc is { } block)
        {
            rows.Add(["ICC(2,1)", N(block.Icc.SingleRating), $"two-way random effects, on the {block.Items} items scored by all of {string.Join(", ", block.Reviewers)}"]);
            rows.Add([$"ICC(2,k), k = {block.Icc.Raters}", N(block.Icc.AverageRating), "mean of the k ratings"]);
        }

        rows.Add(["Fleiss' kappa", N(report.FleissKappa?.Value), $"stance bins at ±{Edge(report)}" + (report.FleissKappa is { } k ? $", {k.Subjects} items" : "")]);
        html.Table(["statistic", "value", "note"], rows);
    }

    private static void Reviewers(HtmlWriter html, AgreementReport report, IAgreementChartRenderer charts)
    {
        html.Element("h2", "Reviewers");
        html.Table(["reviewer", "kind", "items", "reviews", "mean", "sd", "median", "min", "max", "negative", "neutral", "positive"],
            report.Profiles.Select(p => new[]
            {
                p.ReviewerCode, p.IsAi ? (report.AiReviewsIncluded ? "AI" : "AI (not counted)") : "person", Show.Count(p.Items), Show.Count(p.Reviews),
                N(p.Scores.Mean), N(p.Scores.StandardDeviation), N(p.Scores.Median), N(p.Scores.Minimum), N(p.Scores.Maximum),
                Percent(p.NegativeShare), Percent(p.NeutralShare), Percent(p.PositiveShare),
            }));
        html.Element("p", $"One score per item; negative, neutral and positive are the stance bins at ±{Edge(report)}.", "small");
        Charts(html, report.Profiles.Select((p, i) => charts.Distribution(p, report.BinEdge, $"reviewer-{i}")));
    }

    private static void Pairs(HtmlWriter html, AgreementReport report, IAgreementChartRenderer charts)
    {
        html.Element("h2", "Reviewer pairs");
        if (report.Pairs.Count == 0)
        {
            html.Element("p", "No two reviewers share three or more items.");
            return;
        }

        html.Table(["reviewer A", "reviewer B", "items", "Pearson r", "Spearman rho", "slope", "intercept", "mean B − A", "Cohen's kappa", "same bin"],
            report.Pairs.Select(p => new[]
            {
                p.ReviewerA, p.ReviewerB, Show.Count(p.Items), N(p.Pearson), N(p.Spearman), N(p.Slope), N(p.Intercept), N(p.MeanDifference),
                N(p.BinKappa?.Value), p.BinKappa is { } k ? Percent(k.Observed) : "—",
            }));
        var drawn = report.Pairs.OrderByDescending(p => p.Items).ThenBy(p => p.ReviewerA, StringComparer.Ordinal).ThenBy(p => p.ReviewerB, StringComparer.Ordinal)
            .Take(MaxScatterPlots).ToArray();
        html.Element("p", "Each point is an item both scored (larger: several items at the same point); the dashed line is agreement (B = A), "
            + "the solid line the least-squares line of B on A."
            + (drawn.Length < report.Pairs.Count ? $" Drawn for the {drawn.Length} pairs sharing the most items." : ""), "small");
        Charts(html, drawn.Select((p, i) => charts.Scatter(p.Points, p.ReviewerA, p.ReviewerB, (p.Slope, p.Intercept), $"pair-{i}",
            $"{p.ReviewerB} against {p.ReviewerA}", $"{p.Items} items; r = {N(p.Pearson)}; B = {N(p.Intercept)} + {N(p.Slope)} · A.")));
    }

    private static void Ranges(HtmlWriter html, AgreementReport report)
    {
        html.Element("h2", "Ranges and bin disagreements");
        if (report.Ranges is not { } ranges)
        {
            html.Element("p", "No item has two or more reviewers.");
            return;
        }

        html.Table(["items", "median range", "p90", "p95", "p99", "extremist items (≥ p90)", "items in different bins"],
            [[Show.Count(ranges.Items), N(ranges.Median), N(ranges.P90), N(ranges.P95), N(ranges.P99), Show.Count(ranges.Extremes.Count), Show.Count(report.BinDisagreements.Count)]]);
        if (ranges.Extremes.Count > 0)
        {
            html.Table(["item", "dataset", "identifier", "scores", "range", "level"],
                ranges.Extremes.Take(100).Select(e => new[] { Show.Count(e.Item.LlmResponseId), e.Item.Dataset, e.Item.Identifier, Scores(e.Item), N(e.Item.Range), e.Level }));
        }
    }

    private static void Consensus(HtmlWriter html, AgreementReport report)
    {
        html.Element("h2", "Final consensus");
        var manual = report.Final.Count(f => f.Source == FinalConsensus.Manual);
        var undecided = report.Final.Where(f => f.Source == FinalConsensus.Undecided).ToArray();
        html.Table(["items", "calculated (reviewers agree in sign: their mean)", "manual (team decision)", "undecided (mixed signs, no decision)"],
            [[Show.Count(report.Final.Count), Show.Count(report.Final.Count - manual - undecided.Length), Show.Count(manual), Show.Count(undecided.Length)]]);
        if (report.DecisionsSource is { } source)
            html.Element("p", $"Team decisions read from {source}.", "small");
        if (undecided.Length > 0)
        {
            html.Table(["item", "dataset", "identifier", "scores", "mean"],
                undecided.Take(100).Select(f => new[] { Show.Count(f.Item.LlmResponseId), f.Item.Dataset, f.Item.Identifier, Scores(f.Item), N(f.Item.Mean) }));
        }
    }

    private static void Ai(HtmlWriter html, AgreementReport report, IAgreementChartRenderer charts)
    {
        if (report.AiAgreement.Count == 0)
            return;
        html.Element("h2", "AI reviewers against the human consensus");
        html.Table(["AI reviewer", "items", "Pearson r", "MAE", "bias (AI − human)", "alpha", "items without consensus"],
            report.AiAgreement.Select(a => new[] { a.ReviewerCode, Show.Count(a.Items), N(a.Pearson), N(a.MeanAbsoluteError), N(a.Bias), N(a.Alpha), Show.Count(a.WithoutConsensus) }));
        Charts(html, report.AiAgreement.Take(MaxScatterPlots).Select((a, i) => charts.Scatter(
            a.Points.Select(p => (p.Human, p.Ai)).ToArray(), "human consensus", a.ReviewerCode, null, $"ai-{i}",
            $"{a.ReviewerCode} against people", $"{a.Items} items; r = {N(a.Pearson)}, MAE {N(a.MeanAbsoluteError)}, bias {N(a.Bias)}.")));
    }

    private static void Judge(HtmlWriter html, AgreementReport report)
    {
        if (report.Judge is not { } judge)
            return;
        html.Element("h2", "Judge against people");
        html.Table(["model", "perspective", "items", "MAE", "Pearson r"],
            judge.Select(j => new[] { j.ModelId, j.Perspective, Show.Count(j.Items), N(j.MeanAbsoluteError), N(j.Pearson) }));
        if (report.JudgeUnmatched > 0)
            html.Element("p", $"{Show.Count(report.JudgeUnmatched)} reviewed items have no judge score in the scored file.", "small");
    }

    private static void Method(HtmlWriter html, AgreementReport report)
    {
        html.Element("h2", "Method");
        html.List(
        [
            "Krippendorff's alpha (interval metric) on the items with two or more reviewers; the interval is a percentile bootstrap over items.",
            "ICC(1,·): one-way random effects (Shrout & Fleiss 1979, case 1). ICC(2,·): two-way random effects (case 2) on the largest block of items every one of its reviewers scored.",
            $"Stance bins at e = {Edge(report)}: negative if s ≤ −e, positive if s ≥ e, neutral between. Cohen's kappa per pair and Fleiss' kappa use them.",
            "Pair line: ordinary least squares of B's scores on A's. Range: highest − lowest score of an item; extremists reach the 90th percentile of all ranges (type-7 quantiles) and differ.",
            "Final consensus: the team's decision when given, else the reviewers' mean when no two have opposite signs, else undecided.",
            "AI reviewers are compared with the human consensus on the items that have one: Pearson r, mean absolute error, bias = mean(AI − human) and alpha of the two as coders.",
        ], "notes");
    }

    private static void Charts(HtmlWriter html, IEnumerable<RenderedChart> charts)
    {
        html.Add($"<div class=\"charts\">");
        foreach (var chart in charts)
        {
            html.Add($"<figure>")
                .Image(chart)
                .Add($"<figcaption>")
                .Text(chart.Caption)
                .Add($"</figcaption></figure>\n");
        }

        html.Add($"</div>\n");
    }

    private static string Scores(ItemConsensus item) =>
        string.Join(", ", item.ReviewerCodes.Zip(item.Scores, (r, s) => $"{r} {N(s)}"));

    private static string N(double? value) => Show.Number(value);

    private static string Percent(double value) => double.IsFinite(value) ? (100 * value).ToString("0", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Edge(AgreementReport report) => report.BinEdge.ToString("0.###", CultureInfo.InvariantCulture);
}
