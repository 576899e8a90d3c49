using System.Globalization;
using System.Text.Json;
using SycoBench.Records;
using SycoBench.Reviews;

namespace SycoBench.Scoring.Offline;

/// <summary>
/// Reads training examples. A scored file gives (response_text, score) for every answer with a score (latest record
/// per answer). A reviews export gives the human consensus of every reviewed answer: reviews by AI reviewers
/// (<c>llm:</c> codes) are left out, a person's repeat reviews of an answer count once (their mean), and an answer's
/// label is the mean of its people's scores when no one scored it above 0 while another scored it below 0 (the
/// consensus rule of <c>agreement</c>); answers with mixed signs are left out. The answer text is the export's own
/// <c>model_response_text</c> (as <c>portal pull</c> and the original tool write it); an older export without it needs
/// the run (or scored) file the reviewed answers came from, where a review's <c>identifier</c> is matched as
/// <c>&lt;model_id&gt;|&lt;prompt_id&gt;|&lt;sample&gt;</c> (how seeds sampled from a run name an answer) or as a bare
/// prompt id with the review's <c>model_id</c>. The kind of file is told by its first record (<c>reviewer_code</c> → reviews).
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
            if (responsesPath is not null && !File.Exists(responsesPath))
                throw new InputException($"{responsesPath}: file not found");
            return FromReviews(inputPath, responsesPath, issues, cancellationToken);
        }

        if (responsesPath is not null)
            throw new InputException($"{inputPath}: --responses goes with a reviews export; this file is a scored run, which holds its answers");
        return FromScores(inputPath, issues, cancellationToken);
    }

    private static bool IsReviews(string path)
    {
        // The first record decides; a malformed first line means "not a reviews export" (its reader reports it).
        var malformed = false;
        foreach (var entry in JsonlReader.Read(path, OfflineJsonContext.Default.JsonElement, _ => malformed = true))
            return !malformed && entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("reviewer_code", out _);
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

    private static TrainingSet FromReviews(string reviewsPath, string? responsesPath, List<JsonlIssue> issues, CancellationToken cancellationToken)
    {
        var byIdentifier = new Dictionary<string, string>(StringComparer.Ordinal);
        var byPrompt = new Dictionary<(string, string), string>();
        if (responsesPath is not null)
        {
            foreach (var entry in JsonlReader.Read(responsesPath, RecordJsonContext.Default.RunRecord, issues.Add, cancellationToken))
            {
                var row = entry.Value;
                if (row.Error is not null || string.IsNullOrWhiteSpace(row.ResponseText))
                    continue;
                byIdentifier[string.Create(CultureInfo.InvariantCulture, $"{row.ModelId}|{row.PromptId}|{row.SampleIndex}")] = row.ResponseText;
                if (row.SampleIndex == 0)
                    byPrompt[(row.ModelId, row.PromptId)] = row.ResponseText;
            }
        }

        // Answers in order of first review: their text and each person's scores.
        var answers = new Dictionary<string, (string Text, Dictionary<string, List<double>> Scores)>(StringComparer.Ordinal);
        var order = new List<string>();
        int leftOut = 0, ai = 0, human = 0, withoutText = 0;
        foreach (var entry in JsonlReader.Read(reviewsPath, OfflineJsonContext.Default.ReviewLine, issues.Add, cancellationToken))
        {
            var review = entry.Value;
            if (AiReviewers.IsAi(review.ReviewerCode))
            {
                ai++;
                continue;
            }

            human++;
            // As agreement reads the same export: a person's score off the scale is no label to clamp into one (5 was
            // trained on as +1 without a word), and a review without its reviewer cannot be folded with their repeats.
            if (review.Score is { } given && (!double.IsFinite(given) || given is < -1 or > 1))
                throw new InputException($"{reviewsPath}:{entry.LineNumber}: field 'score': {given.ToString(CultureInfo.InvariantCulture)} is outside [-1, 1]");
            if (string.IsNullOrEmpty(review.ReviewerCode))
                throw new InputException($"{reviewsPath}:{entry.LineNumber}: field 'reviewer_code': must not be empty");
            var text = responsesPath is null ? NonBlank(review.ModelResponseText) : Lookup(review, byIdentifier, byPrompt);
            if (text is null)
                withoutText++;
            if (text is null || review.Score is not { } score || !double.IsFinite(score))
            {
                leftOut++;
                continue;
            }

            // One answer is one item of the store; an export without item ids groups by the text itself.
            var key = review.ItemIdText is { } id ? $"{review.Dataset}\u001f{id}" : "\u001e" + text;
            if (!answers.TryGetValue(key, out var answer))
            {
                answers[key] = answer = (text, new Dictionary<string, List<double>>(StringComparer.Ordinal));
                order.Add(key);
            }

            var reviewer = review.ReviewerCode ?? "";
            if (!answer.Scores.TryGetValue(reviewer, out var scores))
                answer.Scores[reviewer] = scores = [];
            scores.Add(score);
        }

        if (responsesPath is null && human > 0 && withoutText == human)
            throw new InputException($"{reviewsPath}: the reviews carry no answer text (model_response_text); pull a new export with portal pull, or give the run or scored file the reviewed answers came from (--responses)");

        var examples = new List<TrainingExample>();
        var mixed = 0;
        foreach (var key in order)
        {
            var (text, scores) = answers[key];
            var reviewers = scores.Keys.Order(StringComparer.Ordinal).ToArray();
            var item = new Agreement.ItemConsensus(0, "", key, null, reviewers, reviewers.Select(r => scores[r].Average()).ToArray());
            if (item.Consensus is { } consensus)
                examples.Add(new TrainingExample(text, consensus));
            else
                mixed++;
        }

        return new TrainingSet(reviewsPath, TrainingSource.HumanReviews, examples, leftOut, issues)
        {
            AiReviews = ai,
            MixedSignAnswers = mixed,
            AnswerSource = responsesPath ?? reviewsPath,
        };
    }

    private static string? Lookup(ReviewLine review, Dictionary<string, string> byIdentifier, Dictionary<(string, string), string> byPrompt)
    {
        var identifier = review.IdentifierText;
        if (identifier is null)
            return null;
        if (byIdentifier.TryGetValue(identifier, out var text))
            return text;
        return review.ModelId is not null && byPrompt.TryGetValue((review.ModelId, identifier), out text) ? text : null;
    }

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
