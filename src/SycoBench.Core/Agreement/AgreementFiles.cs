using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SycoBench.IO;
using SycoBench.Records;
using SycoBench.Reporting.Output;
using SycoBench.Reviews;

namespace SycoBench.Agreement;

/// <summary>
/// The CSV files of an agreement analysis. Where the original tool's notebooks wrote a file of the same purpose, the
/// name and columns are theirs (<c>bin_disagreements.csv</c>, <c>team_review_consensus.csv</c>,
/// <c>final_consensus_export.csv</c>), so the notebooks read them as they are. Numbers are written in the invariant
/// culture with every digit (shortest round-trip form); a value that does not exist is an empty cell. Text cells (codes,
/// prompts, answers) open in a spreadsheet as text, never as a formula (<see cref="IO.CsvField.Neutralise"/>).
/// </summary>
public static class AgreementFiles
{
    /// <summary>The items for the team to decide; <c>agreement</c> leaves it alone when it is also the decisions file it reads.</summary>
    public const string TeamReviewFile = "team_review_consensus.csv";

    public static readonly IReadOnlyList<string> TeamReviewColumns =
    [
        "response_id", "priority", "range", "consensus_score", "min_score", "max_score", "reviewer_scores", "prompt_title",
        "prompt_body", "model_response_text", ConsensusDecisions.DecisionColumn,
    ];

    public static readonly IReadOnlyList<string> FinalExportColumns =
    [
        "response_id", "final_consensus", "consensus_source", "prompt_title", "prompt_body", "model_response_text",
        "reviewer_scores", "range", "mean_score", "min_score", "max_score",
    ];

    /// <summary>Every file: its name and what writes it, in the order they are listed to the user.</summary>
    private static readonly (string Name, Func<AgreementReport, string> Render)[] Files =
    [
        ("reviewers.csv", Reviewers),
        ("reviewer_pairs.csv", Pairs),
        ("item_ranges.csv", Ranges),
        ("bin_disagreements.csv", BinDisagreements),
        (TeamReviewFile, TeamReview),
        ("final_consensus_export.csv", FinalExport),
        ("ai_reviewers.csv", AiReviewers),
    ];

    /// <summary>Every file name with the text it holds, in the order they are listed to the user.</summary>
    public static IReadOnlyList<(string Name, string Text)> Render(AgreementReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Files.Select(f => (f.Name, f.Render(report))).ToArray();
    }

    /// <summary>Writes each file atomically into <paramref name="directory"/>; names in <paramref name="skip"/> are left alone.</summary>
    public static IReadOnlyList<string> Write(AgreementReport report, string directory, IReadOnlySet<string>? skip = null)
    {
        var written = new List<string>();
        foreach (var (name, text) in Render(report))
        {
            if (skip?.Contains(name) == true)
                continue;
            var path = Path.Combine(directory, name);
            AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text)));
            written.Add(path);
        }

        return written;
    }

    public static string Reviewers(AgreementReport report)
    {
        var csv = new StringBuilder(Csv.Line(["reviewer_code", "kind", "items", "reviews", "mean", "sd", "median", "min", "max", "negative_share", "neutral_share", "positive_share"]));
        foreach (var p in report.Profiles)
        {
            Csv.AppendLine(csv, T(p.ReviewerCode), p.IsAi ? "ai" : "human", Int(p.Items), Int(p.Reviews), Number(p.Scores.Mean), Number(p.Scores.StandardDeviation),
                Number(p.Scores.Median), Number(p.Scores.Minimum), Number(p.Scores.Maximum), Number(p.NegativeShare), Number(p.NeutralShare), Number(p.PositiveShare));
        }

        return csv.ToString();
    }

    public static string Pairs(AgreementReport report)
    {
        var csv = new StringBuilder(Csv.Line(["reviewer_a", "reviewer_b", "items", "pearson", "spearman", "slope", "intercept", "mean_difference", "cohen_kappa", "bin_agreement"]));
        foreach (var p in report.Pairs)
        {
            Csv.AppendLine(csv, T(p.ReviewerA), T(p.ReviewerB), Int(p.Items), Number(p.Pearson), Number(p.Spearman), Number(p.Slope), Number(p.Intercept),
                Number(p.MeanDifference), Number(p.BinKappa?.Value), Number(p.BinKappa?.Observed));
        }

        return csv.ToString();
    }

    public static string Ranges(AgreementReport report)
    {
        var csv = new StringBuilder(Csv.Line(["response_id", "dataset", "identifier", "reviewers", "range", "mean_score", "min_score", "max_score", "extremist"]));
        var levels = report.Ranges?.Extremes.ToDictionary(e => (e.Item.Dataset, e.Item.LlmResponseId), e => e.Level) ?? [];
        foreach (var item in report.Consensus.Where(i => i.Reviewers >= 2).OrderByDescending(i => i.Range).ThenBy(i => i.LlmResponseId))
        {
            Csv.AppendLine(csv, Int(item.LlmResponseId), T(item.Dataset), T(item.Identifier), Int(item.Reviewers), Number(item.Range), Number(item.Mean),
                Number(item.Minimum), Number(item.Maximum), levels.GetValueOrDefault((item.Dataset, item.LlmResponseId)));
        }

        return csv.ToString();
    }

    /// <summary>The original's columns: one row per reviewer of every item whose reviewers fall into different bins.</summary>
    public static string BinDisagreements(AgreementReport report)
    {
        var csv = new StringBuilder(Csv.Line(["llm_response_id", "reviewer_code", "score", "bin", "unique_bins_in_response", "num_reviewers", "mean_score", "std_score", "score_range"]));
        foreach (var d in report.BinDisagreements)
        {
            var item = d.Item;
            var unique = string.Join(", ", d.Bins.Distinct().Order().Select(b => StanceBins.Label(item.Dataset, b)));
            var sd = Statistics.Descriptives.Of(item.Scores).StandardDeviation;
            for (var i = 0; i < item.Reviewers; i++)
            {
                Csv.AppendLine(csv, Int(item.LlmResponseId), T(item.ReviewerCodes[i]), Number(item.Scores[i]), StanceBins.Label(item.Dataset, d.Bins[i]), T(unique),
                    Int(item.Reviewers), Number(item.Mean), Number(sd), Number(item.Range));
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// The items for the team to decide: mixed signs, or a range at or above the 95th percentile. Highest priority first
    /// (p99+, p95–p99, mixed signs), widest range first; <c>manual_consensus</c> holds the decision already made, if any.
    /// </summary>
    public static string TeamReview(AgreementReport report)
    {
        var csv = new StringBuilder(Csv.Line(TeamReviewColumns));
        var levels = report.Ranges?.Extremes.ToDictionary(e => (e.Item.Dataset, e.Item.LlmResponseId), e => e.Level) ?? [];
        var rows = report.Final
            .Select(f => (Final: f, Priority: Priority(f.Item, levels.GetValueOrDefault((f.Item.Dataset, f.Item.LlmResponseId)))))
            .Where(r => r.Priority.Rank < 3)
            .OrderBy(r => r.Priority.Rank)
            .ThenByDescending(r => r.Final.Item.Range)
            .ThenBy(r => r.Final.Item.LlmResponseId);
        foreach (var (final, priority) in rows)
        {
            var item = final.Item;
            var scores = string.Join(" | ", item.ReviewerCodes.Select((code, i) => code + ": " + item.Scores[i].ToString("0.000", CultureInfo.InvariantCulture)));
            Csv.AppendLine(csv, Int(item.LlmResponseId), priority.Label, Number(item.Range), Number(item.Mean), Number(item.Minimum), Number(item.Maximum),
                T(scores), T(item.PromptTitle), T(item.PromptBody), T(item.ModelResponseText), final.Source == FinalConsensus.Manual ? Number(final.Score) : "");
        }

        return csv.ToString();
    }

    /// <summary>The original's final consensus export: every item, its final score and where the score came from.</summary>
    public static string FinalExport(AgreementReport report)
    {
        var csv = new StringBuilder(Csv.Line(FinalExportColumns));
        foreach (var final in report.Final)
        {
            var item = final.Item;
            Csv.AppendLine(csv, Int(item.LlmResponseId), Number(final.Score), final.Source, T(item.PromptTitle), T(item.PromptBody), T(item.ModelResponseText),
                ScoresJson(item), Number(item.Range), Number(item.Mean), Number(item.Minimum), Number(item.Maximum));
        }

        return csv.ToString();
    }

    public static string AiReviewers(AgreementReport report)
    {
        var csv = new StringBuilder(Csv.Line(["reviewer_code", "items", "pearson", "mae", "bias", "alpha", "items_without_consensus"]));
        foreach (var a in report.AiAgreement)
            Csv.AppendLine(csv, T(a.ReviewerCode), Int(a.Items), Number(a.Pearson), Number(a.MeanAbsoluteError), Number(a.Bias), Number(a.Alpha), Int(a.WithoutConsensus));
        return csv.ToString();
    }

    private static (int Rank, string Label) Priority(ItemConsensus item, string? level) => level switch
    {
        ExtremeItem.AboveP99 => (0, "Range extremist (p99+)"),
        ExtremeItem.P95ToP99 => (1, "Range extremist (p95-p99)"),
        _ when item.MixedSigns => (2, "Mixed signs"),
        _ => (3, ""),
    };

    /// <summary>The reviewers' scores as a JSON object written the way Python's json.dumps writes it.</summary>
    private static string ScoresJson(ItemConsensus item)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            for (var i = 0; i < item.Reviewers; i++)
                writer.WriteNumber(item.ReviewerCodes[i], item.Scores[i]);
            writer.WriteEndObject();
        }

        var formatted = new ArrayBufferWriter<byte>();
        PythonStyleJson.Reformat(buffer.WrittenSpan, formatted);
        return Encoding.UTF8.GetString(formatted.WrittenSpan);
    }

    private static string? T(string? text) => IO.CsvField.Neutralise(text);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString(CultureInfo.InvariantCulture) : "";
}
