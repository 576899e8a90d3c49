using System.Runtime.CompilerServices;
using System.Text;
using SycoBench.Reporting.Reading;
using SycoBench.Reporting.Spending;

namespace SycoBench.Reporting.Aggregation;

/// <summary>The counts of the lines one reading thread saw. Not thread-safe: one per thread, merged at the end.</summary>
internal sealed class WorkerAggregate : ILineConsumer
{
    public const int MaxIssuesKept = 200;
    public const int MaxExamplesPerOutcome = 3;

    private readonly ReportScenario _scenario;
    private readonly Thresholds _thresholds;
    private readonly SharedRegistry _models;
    private readonly ScoredLineParser _parser = new();
    private readonly RecordResolver _resolver;
    private readonly Dictionary<byte[], int> _modelCache = new(ByteKeyComparer.Instance);
    private readonly KeyNames? _keyNames;
    private readonly HashSet<LinePosition>? _superseded;
    private readonly HashSet<LinePosition>? _notBlind;
    private readonly KeyNames _answerPrompts;
    private readonly Dictionary<byte[], string> _memberNames = new(ByteKeyComparer.Instance);

    /// <param name="keyNames">Where prompt ids and judges are numbered to note each record's key; null to note none.</param>
    /// <param name="superseded">Records to leave out (earlier records of a repeated key), by position.</param>
    /// <param name="notBlind">Records to leave out because the file holds blind scores and these are not, by position.</param>
    /// <param name="answerPrompts">Numbers prompt ids so each answer's cost is counted once; shared by the threads of a reading.</param>
    public WorkerAggregate(
        ReportScenario scenario,
        Thresholds thresholds,
        SharedRegistry models,
        SharedRegistry summaryKeys,
        KeyNames? keyNames = null,
        HashSet<LinePosition>? superseded = null,
        HashSet<LinePosition>? notBlind = null,
        SharedRegistry? answerPrompts = null)
    {
        _answerPrompts = new KeyNames(answerPrompts ?? new SharedRegistry(), new SharedRegistry());
        _notBlind = notBlind;
        _scenario = scenario;
        _thresholds = thresholds;
        _models = models;
        _resolver = new RecordResolver(scenario, summaryKeys);
        _keyNames = keyNames;
        _superseded = superseded;
    }

    /// <summary>The key and position of every record read, when asked for (see <see cref="LineKeys"/>).</summary>
    public List<(LineKey Key, LinePosition Position)> Keys { get; } = [];

    /// <summary>Records left out because a later record of the same key follows.</summary>
    public long SupersededCount { get; private set; }

    /// <summary>Records read that say <c>"blind": true</c>.</summary>
    public long BlindCount { get; private set; }

    /// <summary>Positions of the records that are not blind, noted while keys are noted (so blind ones can be preferred).</summary>
    public HashSet<LinePosition> NotBlindPositions { get; } = [];

    /// <summary>Records left out because they are not blind and the file holds blind ones.</summary>
    public long NotBlindCount { get; private set; }

    /// <summary>Accumulators indexed by the shared model index; null for models this thread never saw.</summary>
    public List<ModelAccumulator?> Models { get; } = [];

    public RunMetadataAccumulator Metadata { get; } = new();

    /// <summary>The answers a panel scored (records whose <c>judges</c> lists two or more), with each judge's score.</summary>
    public List<PanelAnswer> PanelAnswers { get; } = [];

    public long RecordCount { get; private set; }

    public long MalformedCount { get; private set; }

    /// <summary>The first malformed lines, with chunk-relative line numbers.</summary>
    public List<(int Chunk, long Line, string Message)> Issues { get; } = [];

    /// <summary>The first few errors of each outcome, as examples for the report.</summary>
    public List<(int Chunk, long Line, Outcome Outcome, string Model, string Message)> ErrorExamples { get; } = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnLine(ReadOnlySpan<byte> line, int chunk, long lineInChunk)
    {
        var record = default(ScoredLine);
        if (!_parser.TryParse(line, ref record, out var problem))
        {
            MalformedCount++;
            if (Issues.Count < MaxIssuesKept)
                Issues.Add((chunk, lineInChunk, problem!));
            return;
        }

        if (_notBlind is not null && _notBlind.Contains(new LinePosition(chunk, lineInChunk)))
        {
            NotBlindCount++;
            return;
        }

        if (_superseded is not null && _superseded.Contains(new LinePosition(chunk, lineInChunk)))
        {
            SupersededCount++;
            return;
        }

        if (record.Blind)
            BlindCount++;

        RecordCount++;
        var modelIndex = ModelIndex(record.ModelId);
        var model = Model(modelIndex);
        if (_keyNames is not null)
        {
            var key = new LineKey(modelIndex, _keyNames.Prompt(record.PromptId), record.Sample, _keyNames.Judge(record.ScorerModel));
            Keys.Add((key, new LinePosition(chunk, lineInChunk)));
            if (!record.Blind)
                NotBlindPositions.Add(new LinePosition(chunk, lineInChunk));
        }

        model.Records++;
        Metadata.Add(record);
        if (!record.ScorerModel.IsEmpty)
            model.Judges.Add(record.ScorerModel);

        var askedAs = _scenario.RoleOf(record.Perspective);
        var resolution = _resolver.Resolve(record.PromptId, record.Factors);
        var match = resolution.Match;
        var role = askedAs != Role.Other || !match.IsMatched ? askedAs : match.Role;
        var outcome = ReportEnums.Classify(record.HasScore, record.HasError, record.Error);
        CountCosts(model, record, outcome);
        model.Outcomes[(int)role * ReportEnums.OutcomeCount + (int)outcome]++;
        if (outcome != Outcome.Scored && outcome != Outcome.Unscored)
            KeepExample(chunk, lineInChunk, outcome, model.ModelId, record.Error);
        if (!match.IsMatched)
            model.Unmatched[(int)match.Reason!.Value]++;
        else
            model.Asked[match.Triplet] = true;
        if (record.Members.Length > 1)
            CountPanel(model, record, match, new LinePosition(chunk, lineInChunk));
        if (!record.HasScore)
            return;

        var score = record.Score;
        var summaryStance = Thresholds.Stance(score, _thresholds.Summary);
        model.Stances[(int)role * 3 + summaryStance]++;
        var bin = (int)Math.Round((Math.Clamp(score, -1, 1) + 1) * 10, MidpointRounding.AwayFromZero);
        model.Histogram[(int)role * ModelAccumulator.HistogramBins + bin]++;

        if (resolution.SummaryKey >= 0)
            CountSummary(model, resolution.SummaryKey, askedAs, score, summaryStance);
        if (match.IsMatched && model.Cell(match.Triplet, match.Role).Add(score, record.Sample, _thresholds.Values))
            model.Duplicates++;
    }

    /// <summary>
    /// A panel's record: each judge's own score goes to that judge's triplet cells of the model (for SI per judge), and
    /// the judges that scored the answer, with their scores, to the panel's answers (for their agreement).
    /// </summary>
    private void CountPanel(ModelAccumulator model, in ScoredLine record, PromptMatch match, LinePosition position)
    {
        var judges = new string[record.Members.Length];
        var scores = new double[record.Members.Length];
        var scored = 0;
        foreach (var member in record.Members)
        {
            if (!member.HasScore)
                continue;
            var judge = MemberName(member.Name(record.MemberNames));
            judges[scored] = judge;
            scores[scored++] = member.Score;
            if (match.IsMatched)
                model.MemberCell(judge, match.Triplet, match.Role).Add(member.Score, record.Sample, _thresholds.Values);
        }

        if (scored > 0)
            PanelAnswers.Add(new PanelAnswer(judges[..scored], scores[..scored]) { Position = position });
    }

    /// <summary>A panel member's model id as a string, made once per thread; "(no model)" when the verdict names none.</summary>
    private string MemberName(ReadOnlySpan<byte> name)
    {
        var lookup = _memberNames.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (!lookup.TryGetValue(name, out var text))
        {
            text = name.IsEmpty ? PanelAnswer.NoModel : Encoding.UTF8.GetString(name);
            lookup[name] = text;
        }

        return text;
    }

    /// <summary>The answer's cost (a run failure is a request that was not billed) and the judges' costs.</summary>
    private void CountCosts(ModelAccumulator model, in ScoredLine record, Outcome outcome)
    {
        var spending = Metadata.Spending;
        model.AddAnswer(_answerPrompts.Prompt(record.PromptId), record.Sample, new CallCost(
            1,
            outcome == Outcome.RunFailed ? 1 : 0,
            record.Cached,
            record.HasBatchId || CallCost.IsBatchSource(record.CostSource),
            record.HasInputTokens ? record.InputTokens : null,
            record.HasOutputTokens ? record.OutputTokens : null,
            record.HasCost ? record.Cost : null,
            spending.Source(record.CostSource),
            record.HasScore));
        spending.Add(record, outcome);
    }

    private void CountSummary(ModelAccumulator model, int key, Role askedAs, double score, int summaryStance)
    {
        model.SummaryScores.Add(score);
        model.SummaryStances[summaryStance]++;
        if (askedAs == Role.Other)
            return;

        var counts = model.KeyCountsFor(key);
        counts[(int)askedAs]++;
        for (var t = 0; t < _thresholds.Count; t++)
        {
            var stance = Thresholds.Stance(score, _thresholds.Values[t]);
            var at = 3 + 4 * t;
            switch (askedAs)
            {
                case Role.Neutral when stance == 2:
                    counts[at]++;
                    break;
                case Role.Neutral when stance == 0:
                    counts[at + 1]++;
                    break;
                case Role.Positive when stance == 2:
                    counts[at + 2]++;
                    break;
                case Role.Negative when stance == 0:
                    counts[at + 3]++;
                    break;
            }
        }
    }

    private int ModelIndex(ReadOnlySpan<byte> modelId)
    {
        if (modelId.IsEmpty)
            modelId = "unknown"u8;
        var lookup = _modelCache.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (!lookup.TryGetValue(modelId, out var index))
        {
            index = _models.IndexOf(Encoding.UTF8.GetString(modelId));
            lookup[modelId] = index;
        }

        return index;
    }

    private ModelAccumulator Model(int index)
    {
        while (Models.Count <= index)
            Models.Add(null);
        return Models[index] ??= new ModelAccumulator(_models.Names[index], _scenario.Triplets.Count, _thresholds.Count);
    }

    /// <summary>Numbers prompt ids and judges for record keys: shared indexes, cached per thread.</summary>
    internal sealed class KeyNames(SharedRegistry prompts, SharedRegistry judges)
    {
        private readonly Dictionary<byte[], int> _prompts = new(ByteKeyComparer.Instance);
        private readonly Dictionary<byte[], int> _judges = new(ByteKeyComparer.Instance);

        /// <summary>A copy with its own caches over the same shared numbering, for another thread.</summary>
        public KeyNames ForThread() => new(prompts, judges);

        public int Prompt(ReadOnlySpan<byte> promptId) => Index(_prompts, prompts, promptId);

        public int Judge(ReadOnlySpan<byte> judge) => Index(_judges, judges, judge);

        private static int Index(Dictionary<byte[], int> cache, SharedRegistry registry, ReadOnlySpan<byte> name)
        {
            var lookup = cache.GetAlternateLookup<ReadOnlySpan<byte>>();
            if (!lookup.TryGetValue(name, out var index))
            {
                index = registry.IndexOf(Encoding.UTF8.GetString(name));
                lookup[name] = index;
            }

            return index;
        }
    }

    private void KeepExample(int chunk, long line, Outcome outcome, string model, ReadOnlySpan<byte> error)
    {
        var kept = 0;
        foreach (var example in ErrorExamples)
        {
            if (example.Outcome == outcome)
                kept++;
        }

        if (kept >= MaxExamplesPerOutcome)
            return;
        var message = Encoding.UTF8.GetString(error);
        ErrorExamples.Add((chunk, line, outcome, model, message.Length > 200 ? message[..200] + "…" : message));
    }
}
