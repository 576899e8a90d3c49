using System.Globalization;
using System.Text.Json;
using SycoBench.Records;

namespace SycoBench.Scoring.Offline;

/// <summary>
/// Reads training examples. A scored file gives (response_text, score) for every answer with a score (latest record
/// per answer). A reviews export has no answer text, so it needs the run (or scored) file the reviewed answers came
/// from: a review's <c>identifier</c> is matched as <c>&lt;model_id&gt;|&lt;prompt_id&gt;|&lt;sample&gt;</c> (how seeds
/// sampled from a run name an answer) or as a bare prompt id with the review's <c>model_id</c>; the label of an answer
/// is the mean of its reviews. The kind of file is told by its first record (<c>reviewer_code</c> → reviews).
/// </summary>
public static class TrainingSetReader
{
    public static TrainingSet Read(string inputPath, string? responsesPath = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(inputPath))
            throw new InputException($"{inputPath}: file not found");
        var issues = new List<JsonlIssue>();
        if (IsReviews(inputPath))
        {
            if (responsesPath is null)
                throw new InputException($"{inputPath}: a reviews export has no answer text; give the run or scored file the reviewed answers came from (--responses)");
            if (!File.Exists(responsesPath))
                throw new InputException($"{responsesPath}: file not found");
            return FromReviews(inputPath, responsesPath, issues, cancellationToken);
        }

        return FromScores(inputPath, issues, cancellationToken);
    }

    private static bool IsReviews(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("reviewer_code", out _);
            }
            catch (JsonException)
            {
                return false;
            }
        }

        return false;
    }

    private static TrainingSet FromScores(string path, List<JsonlIssue> issues, CancellationToken cancellationToken)
    {
        var latest = LatestPerKey.Of(JsonlReader.Read(path, RecordJsonContext.Default.EvalRecord, issues.Add, cancellationToken).Select(e => e.Value).ToList());

        var examples = latest.Records
            .Where(r => r.Score is { } s && double.IsFinite(s) && !string.IsNullOrWhiteSpace(r.ResponseText))
            .Select(r => new TrainingExample(r.ResponseText!, Math.Clamp(r.Score!.Value, -1, 1)))
            .ToList();
        return new TrainingSet(path, TrainingSource.JudgeScores, examples, latest.Records.Count - examples.Count, issues) { Superseded = latest.Superseded };
    }

    private static TrainingSet FromReviews(string reviewsPath, string responsesPath, List<JsonlIssue> issues, CancellationToken cancellationToken)
    {
        var byIdentifier = new Dictionary<string, string>(StringComparer.Ordinal);
        var byPrompt = new Dictionary<(string, string), string>();
        foreach (var entry in JsonlReader.Read(responsesPath, RecordJsonContext.Default.RunRecord, issues.Add, cancellationToken))
        {
            var row = entry.Value;
            if (row.Error is not null || string.IsNullOrWhiteSpace(row.ResponseText))
                continue;
            byIdentifier[string.Create(CultureInfo.InvariantCulture, $"{row.ModelId}|{row.PromptId}|{row.SampleIndex}")] = row.ResponseText;
            if (row.SampleIndex == 0)
                byPrompt[(row.ModelId, row.PromptId)] = row.ResponseText;
        }

        var labels = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var leftOut = 0;
        foreach (var entry in JsonlReader.Read(reviewsPath, OfflineJsonContext.Default.ReviewLine, issues.Add, cancellationToken))
        {
            var review = entry.Value;
            var identifier = review.IdentifierText;
            string? text = null;
            if (identifier is not null && !byIdentifier.TryGetValue(identifier, out text) && review.ModelId is not null)
                byPrompt.TryGetValue((review.ModelId, identifier), out text);
            if (text is null || review.Score is not { } score || !double.IsFinite(score))
            {
                leftOut++;
                continue;
            }

            if (!labels.TryGetValue(text, out var scores))
                labels[text] = scores = [];
            scores.Add(Math.Clamp(score, -1, 1));
        }

        var examples = labels.Select(pair => new TrainingExample(pair.Key, pair.Value.Average())).ToList();
        return new TrainingSet(reviewsPath, TrainingSource.HumanReviews, examples, leftOut, issues);
    }
}
