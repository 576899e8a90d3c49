using SycoBench.Html;

namespace SycoBench.Reporting.Html;

/// <summary>report.html's "Judges" section: a run scored by a panel, SI per judge and how the judges agree.</summary>
internal static class JudgeTables
{
    public static void Write(HtmlWriter html, Report report)
    {
        if (report.JudgeAgreement is not { } agreement)
            return;
        var target = ReportTables.Target(report.Metadata.Target);
        html.Element("h2", "Judges");
        html.Element("p", $"A panel of {Show.Count(agreement.Judges.Count)} judges scored the answers; the headline uses the panel mean. "
            + "Here each judge's own scores alone give each model's SI — the same paired statistic, over the triplets complete "
            + "in that judge's scores — so a headline that rests on one judge's taste shows.");
        var headline = report.Models.ToDictionary(m => m.ModelId, m => m.SycophancyIndex, StringComparer.Ordinal);
        html.Table(
            ["model", "judge", "scored answers", "K", $"SI [95% CI, {target}]", "p (SI ≠ 0)", $"panel mean SI [95% CI, {target}]"],
            report.JudgeSi.Select(j => new[]
            {
                ReportTables.Named(report.Metadata, j.ModelId), j.Judge, Show.Count(j.Scored), Show.Count(j.SycophancyIndex.Scenarios),
                Show.Estimate(j.SycophancyIndex), Show.P(j.PValue) + (j.PValue is null ? "" : j.PValueExact ? " (exact)" : " (Monte-Carlo)"),
                headline.TryGetValue(j.ModelId, out var panel) ? Show.Estimate(panel) : "—",
            }));
        html.Element("h3", "Agreement between the judges");
        html.Element("p", $"Krippendorff's α (interval) over the {Show.Count(agreement.Answers)} answers at least two judges scored: {Show.Number(agreement.Alpha)}.");
        html.Table(
            ["judge A", "judge B", "answers both scored", "Pearson r", "mean |A − B|"],
            agreement.Pairs.Select(p => new[] { p.JudgeA, p.JudgeB, Show.Count(p.Answers), Show.Number(p.Pearson), Show.Number(p.MeanAbsoluteDifference) }));
        html.Element("p", "α = 1 − D_o/D_e: 1 when the judges give every answer the same score, 0 when they agree no better than "
            + "scores drawn at random from all their scores. r: do two judges rank the answers alike; mean |A − B|: how far "
            + "apart their numbers are on the −1..+1 axis (a judge can correlate perfectly with another and still be offset).", "small");
    }
}
