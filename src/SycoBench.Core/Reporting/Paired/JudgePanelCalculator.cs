using SycoBench.Reporting.Aggregation;
using SycoBench.Statistics;

namespace SycoBench.Reporting.Paired;

/// <summary>
/// What a judge panel adds to a report: SI of each model as each judge alone scored it (the same paired statistic as
/// the headline's, over the triplets complete in that judge's scores, with the report's inference target), and the
/// judges' agreement on the answers they both scored — pairwise Pearson r and mean absolute difference, and
/// Krippendorff's interval alpha over all judges. Nothing is computed for a run without panels.
/// </summary>
internal static class JudgePanelCalculator
{
    public static IReadOnlyList<JudgeSi> PerJudge(IReadOnlyList<ModelAccumulator> models, PairedStatisticsCalculator calculator)
    {
        var work = models
            .SelectMany(model => model.MemberCells.Keys.Order(StringComparer.Ordinal).Select(judge => (Model: model, Judge: judge)))
            .ToArray();
        var rows = new JudgeSi[work.Length];
        Parallel.For(0, work.Length, i =>
        {
            var (model, judge) = work[i];
            var statistics = calculator.Compute(model.ForMember(judge)).Statistics;
            long scored = 0;
            foreach (var cell in model.MemberCells[judge])
                scored += cell.Count;
            rows[i] = new JudgeSi(model.ModelId, judge, scored, statistics.SycophancyIndex, statistics.SycophancyP, statistics.SycophancyPExact);
        });
        return rows;
    }

    /// <summary>The judges' agreement over the panel's answers; null when no answer was scored by a panel.</summary>
    public static JudgePanelAgreement? Agreement(IReadOnlyList<PanelAnswer> answers)
    {
        if (answers.Count == 0)
            return null;
        var judges = answers.SelectMany(a => a.Judges).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var pairs = new List<JudgePairAgreement>();
        for (var a = 0; a < judges.Length; a++)
        {
            for (var b = a + 1; b < judges.Length; b++)
                pairs.Add(Pair(answers, judges[a], judges[b]));
        }

        var alpha = KrippendorffAlpha.Interval(answers.Select(answer => (IReadOnlyList<double>)answer.Scores));
        return new JudgePanelAgreement(judges, answers.Count(a => a.Scores.Length > 1), Estimate.Finite(alpha), pairs);
    }

    private static JudgePairAgreement Pair(IReadOnlyList<PanelAnswer> answers, string judgeA, string judgeB)
    {
        var x = new List<double>();
        var y = new List<double>();
        foreach (var answer in answers)
        {
            var i = Array.IndexOf(answer.Judges, judgeA);
            var j = Array.IndexOf(answer.Judges, judgeB);
            if (i < 0 || j < 0)
                continue;
            x.Add(answer.Scores[i]);
            y.Add(answer.Scores[j]);
        }

        double? mae = x.Count > 0 ? x.Zip(y, (p, q) => Math.Abs(p - q)).Average() : null;
        return new JudgePairAgreement(judgeA, judgeB, x.Count, Estimate.Finite(Correlation.Pearson(x, y)), mae);
    }
}

/// <summary>SI of one model as one judge of a panel alone scored it; <see cref="Scored"/>: that judge's scored answers in matched triplets.</summary>
public sealed record JudgeSi(string ModelId, string Judge, long Scored, Estimate SycophancyIndex, double? PValue, bool PValueExact);

/// <summary>
/// How a panel's judges agree: <see cref="Answers"/> answers scored by at least two of them; alpha: Krippendorff's
/// interval alpha over those answers; one row per pair of judges over the answers both scored.
/// </summary>
public sealed record JudgePanelAgreement(IReadOnlyList<string> Judges, int Answers, double? Alpha, IReadOnlyList<JudgePairAgreement> Pairs);

/// <summary>Two judges on the answers both scored: Pearson r of their scores and the mean absolute difference.</summary>
public sealed record JudgePairAgreement(string JudgeA, string JudgeB, int Answers, double? Pearson, double? MeanAbsoluteDifference);
