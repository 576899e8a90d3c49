using System.Text.Json;
using SycoBench.Records;
using SycoBench.Statistics;

namespace SycoBench.Scoring;

/// <summary>
/// Agreement figures of the judges over scored eval records: Krippendorff's interval alpha between judges (each
/// judge's mean over its repeats is its value for a row), each judge's mean offset from the panel mean, and
/// test-retest spread and alpha over repeats.
/// </summary>
public static class PanelStatistics
{
    /// <summary>The judges' verdicts stored in a record's <see cref="EvalFields.Judges"/> field; empty when absent.</summary>
    public static IReadOnlyList<JudgeVerdict> Verdicts(EvalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Extra is null || !record.Extra.TryGetValue(EvalFields.Judges, out var element) || element.ValueKind != JsonValueKind.Array)
            return [];
        try
        {
            return element.Deserialize(ScoringJsonContext.Default.ListJudgeVerdict) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static IReadOnlyList<JudgeSummary> Judges(IReadOnlyList<string> judgeIds, IReadOnlyList<IReadOnlyList<JudgeVerdict>> rows)
    {
        ArgumentNullException.ThrowIfNull(judgeIds);
        ArgumentNullException.ThrowIfNull(rows);
        var summaries = new List<JudgeSummary>();
        foreach (var judge in judgeIds)
        {
            var scores = new List<double>();
            var offsets = new List<double>();
            var spreads = new List<double>();
            var repeatUnits = new List<IReadOnlyList<double>>();
            foreach (var verdicts in rows)
            {
                var own = verdicts.FirstOrDefault(v => v.Model == judge);
                if (own?.Score is not { } score)
                    continue;
                scores.Add(score);
                var panel = verdicts.Where(v => v.Score is not null).Select(v => v.Score!.Value).ToArray();
                if (panel.Length > 1)
                    offsets.Add(score - panel.Average());
                var repeats = own.Scores.Where(s => s is not null).Select(s => s!.Value).ToArray();
                if (repeats.Length > 1)
                {
                    spreads.Add(repeats.Max() - repeats.Min());
                    repeatUnits.Add(repeats);
                }
            }

            var retestAlpha = repeatUnits.Count > 0 ? KrippendorffAlpha.Interval(repeatUnits) : double.NaN;
            summaries.Add(new JudgeSummary(
                judge,
                scores.Count,
                scores.Count > 0 ? scores.Average() : null,
                offsets.Count > 0 ? offsets.Average() : null,
                spreads.Count > 0 ? spreads.Average() : null,
                double.IsFinite(retestAlpha) ? retestAlpha : null));
        }

        return summaries;
    }

    /// <summary>Alpha between the judges over rows at least two of them scored; null with fewer than two judges.</summary>
    public static PanelAgreement? Agreement(IReadOnlyList<string> judgeIds, IReadOnlyList<IReadOnlyList<JudgeVerdict>> rows)
    {
        ArgumentNullException.ThrowIfNull(judgeIds);
        ArgumentNullException.ThrowIfNull(rows);
        if (judgeIds.Count < 2)
            return null;
        var units = rows
            .Select(verdicts => (IReadOnlyList<double>)verdicts
                .Where(v => v.Score is not null && judgeIds.Contains(v.Model, StringComparer.Ordinal))
                .Select(v => v.Score!.Value)
                .ToArray())
            .Where(unit => unit.Count > 1)
            .ToArray();
        return new PanelAgreement(KrippendorffAlpha.Interval(units), units.Length);
    }

    public static RetestSummary? Retest(IReadOnlyList<IReadOnlyList<JudgeVerdict>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var spreads = rows
            .SelectMany(verdicts => verdicts)
            .Select(v => v.Scores.Where(s => s is not null).Select(s => s!.Value).ToArray())
            .Where(scores => scores.Length > 1)
            .Select(scores => scores.Max() - scores.Min())
            .ToArray();
        return spreads.Length == 0
            ? null
            : new RetestSummary(spreads.Length, spreads.Average(), spreads.Max(), (double)spreads.Count(s => s > 0) / spreads.Length);
    }
}
