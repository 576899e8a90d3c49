using SycoBench.Records;
using SycoBench.Scenarios;

namespace SycoBench.Scoring;

/// <summary>
/// Reads what a score run needs and decides what it will do: the run's latest record per key, the output's existing
/// scores (resume), the scenario, the rubric; which rows to judge and which to skip. Nothing is called or written.
/// </summary>
internal sealed class ScoringInputs
{
    private ScoringInputs(ScoringPlan plan, JudgeRequestBuilder requests, IReadOnlyList<RunRecord> toJudge,
        IReadOnlyList<(RunRecord Row, string Reason)> skipsToWrite, IReadOnlySet<AnswerKey> inputKeys)
    {
        Plan = plan;
        Requests = requests;
        ToJudge = toJudge;
        SkipsToWrite = skipsToWrite;
        InputKeys = inputKeys;
    }

    public ScoringPlan Plan { get; }

    /// <summary>Builds each answer's judge request (rubric, scenario, blind mode).</summary>
    public JudgeRequestBuilder Requests { get; }

    public IReadOnlyList<RunRecord> ToJudge { get; }

    /// <summary>Skipped rows whose reason the output does not hold yet.</summary>
    public IReadOnlyList<(RunRecord Row, string Reason)> SkipsToWrite { get; }

    public IReadOnlySet<AnswerKey> InputKeys { get; }

    public static ScoringInputs Read(ScoringOptions options, IReadOnlyList<string> judgeIds, CancellationToken cancellationToken)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        if (judgeIds.Count == 0)
            throw new ArgumentException("at least one judge is needed", nameof(judgeIds));
        var duplicate = judgeIds.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"judge {duplicate.Key} is named twice", nameof(judgeIds));

        var wd = options.WorkingDirectory;
        var inputPath = ScoringPaths.ResolveInput(options.InputPath, wd);
        var outputPath = ScoringPaths.ResolveOutput(options.OutputPath, inputPath, wd);
        var issues = new List<JsonlIssue>();

        var (rows, superseded) = LatestPerKey(inputPath, issues, cancellationToken);
        if (rows.Count == 0)
            throw new InputException($"{inputPath}: no answers to score (the file has no readable record)");
        var existing = File.Exists(outputPath) ? LatestScores(outputPath, issues, cancellationToken) : new Dictionary<AnswerKey, EvalRecord>();

        var scenario = options.Scenario is not null
            ? ScenarioCatalog.Load(options.Scenario, wd)
            : ScenarioMatcher.Detect(rows, wd, ScenarioCatalog.DefaultSearchDirectories(wd))
              ?? throw new InputException($"{inputPath}: no scenario in data/scenarios has these prompts (prompt_id and factors); name the scenario the run was built from");
        var rubricPath = RubricCatalog.ResolvePath(options.Rubric, scenario.Id, wd);
        var rubric = RubricLoader.Load(rubricPath);
        if (rubric.CannotScore(scenario) is { } mismatch)
            throw new InputException($"{rubricPath}: {mismatch}; choose another --rubric");
        var requests = new JudgeRequestBuilder(rubric, scenario, options.Blind);

        var toJudge = new List<RunRecord>();
        var skipsToWrite = new List<(RunRecord, string)>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var alreadyScored = 0;
        foreach (var row in rows)
        {
            var key = AnswerKey.Of(row);
            existing.TryGetValue(key, out var previous);
            if (SkipReason.Of(row) is { } reason)
            {
                skipped[SkipReason.Kind(reason)] = skipped.GetValueOrDefault(SkipReason.Kind(reason)) + 1;
                if (previous is null || previous.Score is not null || previous.Error != reason)
                    skipsToWrite.Add((row, reason));
                continue;
            }

            // A score counts only for the answer it was given to: an answer replaced in the run since (the same key
            // asked again) is judged anew rather than keeping a score that belongs to other text.
            if (previous?.Score is not null && previous.ResponseText == row.ResponseText && !options.Rerun)
            {
                alreadyScored++;
                continue;
            }

            if (requests.CannotBuild(row) is { } why)
                throw new InputException($"{inputPath}: {key}: blind judging impossible: {why}");
            toJudge.Add(row);
        }

        var plan = new ScoringPlan
        {
            InputPath = inputPath,
            InputWasDefaulted = options.InputPath is null,
            OutputPath = outputPath,
            ScenarioId = scenario.Id,
            ScenarioWasDetected = options.Scenario is null,
            RubricId = rubric.Id,
            RubricPath = rubricPath,
            RubricSha256 = rubric.Sha256,
            JudgeInstruction = requests.Instruction,
            Blind = options.Blind,
            JudgeRepeats = options.JudgeRepeats,
            JudgeIds = judgeIds.ToArray(),
            ScorerModel = string.Join("+", judgeIds),
            Answers = rows.Count,
            SupersededRecords = superseded,
            AlreadyScored = alreadyScored,
            ToJudge = toJudge.Count,
            Skipped = skipped,
            FamilyWarnings = FamilyWarnings(judgeIds, rows),
            Issues = issues,
        };
        return new ScoringInputs(plan, requests, toJudge, skipsToWrite, rows.Select(AnswerKey.Of).ToHashSet());
    }

    /// <summary>The latest record of each key, in the order keys first appear.</summary>
    private static (List<RunRecord> Rows, int Superseded) LatestPerKey(string path, List<JsonlIssue> issues, CancellationToken cancellationToken)
    {
        var order = new List<AnswerKey>();
        var latest = new Dictionary<AnswerKey, RunRecord>();
        var records = 0;
        foreach (var entry in JsonlReader.Read(path, RecordJsonContext.Default.RunRecord, issues.Add, cancellationToken))
        {
            records++;
            var key = AnswerKey.Of(entry.Value);
            if (!latest.ContainsKey(key))
                order.Add(key);
            latest[key] = entry.Value;
        }

        return (order.Select(k => latest[k]).ToList(), records - order.Count);
    }

    internal static Dictionary<AnswerKey, EvalRecord> LatestScores(string path, List<JsonlIssue> issues, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<AnswerKey, EvalRecord>();
        foreach (var entry in JsonlReader.Read(path, RecordJsonContext.Default.EvalRecord, issues.Add, cancellationToken))
            latest[AnswerKey.Of(entry.Value)] = entry.Value;
        return latest;
    }

    private static List<FamilyWarning> FamilyWarnings(IReadOnlyList<string> judgeIds, IEnumerable<RunRecord> rows)
    {
        var models = rows.Select(r => r.ModelId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return judgeIds
            .SelectMany(judge => models.Where(model => ModelFamily.Same(judge, model)).Select(model => new FamilyWarning(judge, model, ModelFamily.Of(judge)!)))
            .ToList();
    }
}
