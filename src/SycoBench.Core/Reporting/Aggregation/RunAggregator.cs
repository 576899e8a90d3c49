using SycoBench.Reporting.Reading;

namespace SycoBench.Reporting.Aggregation;

/// <summary>
/// Reads a scored run once, in parallel newline-aligned chunks, and merges what every thread counted (a second time,
/// leaving out superseded records, only when some key repeats). Memory depends on the number of models, prompts and
/// samples, not on the size of the file.
/// </summary>
internal static class RunAggregator
{
    public static RunAggregate Aggregate(
        string path,
        ReportScenario scenario,
        Thresholds thresholds,
        int? workers = null,
        int chunkSize = ChunkedLineScanner.DefaultChunkSize,
        CancellationToken cancellationToken = default)
    {
        var count = Math.Max(1, workers ?? Environment.ProcessorCount);
        var models = new SharedRegistry();
        var summaryKeys = new SharedRegistry();
        var keyNames = new WorkerAggregate.KeyNames(new SharedRegistry(), new SharedRegistry());
        var answerPrompts = new SharedRegistry();
        var consumers = Enumerable.Range(0, count)
            .Select(_ => new WorkerAggregate(scenario, thresholds, models, summaryKeys, keyNames.ForThread(), answerPrompts: answerPrompts))
            .ToArray();
        var scan = ChunkedLineScanner.Scan(path, consumers, chunkSize, cancellationToken);

        // The key rule: when some key repeats (a re-score appended records), read again leaving out every record but
        // the latest of its key. Chunks are the same on the second reading, so positions match.
        // Blind judging first: when some records were scored blind and others not, every statistic uses the blind
        // ones (the judge did not see who asked), and the key rule runs over those alone.
        HashSet<LinePosition>? notBlind = null;
        if (consumers.Any(c => c.BlindCount > 0) && consumers.Any(c => c.NotBlindPositions.Count > 0))
            notBlind = consumers.SelectMany(c => c.NotBlindPositions).ToHashSet();
        var superseded = LineKeys.Superseded(notBlind is null
            ? consumers.Select(c => c.Keys)
            : consumers.Select(c => (IReadOnlyList<(LineKey Key, LinePosition Position)>)c.Keys.Where(k => !notBlind.Contains(k.Position)).ToList()));
        if (superseded.Count > 0 || notBlind is not null)
        {
            models = new SharedRegistry();
            summaryKeys = new SharedRegistry();
            consumers = Enumerable.Range(0, count)
                .Select(_ => new WorkerAggregate(scenario, thresholds, models, summaryKeys, superseded: superseded, notBlind: notBlind, answerPrompts: answerPrompts))
                .ToArray();
            scan = ChunkedLineScanner.Scan(path, consumers, chunkSize, cancellationToken);
        }

        var merged = new Dictionary<int, ModelAccumulator>();
        var metadata = new RunMetadataAccumulator();
        foreach (var consumer in consumers)
        {
            for (var index = 0; index < consumer.Models.Count; index++)
            {
                if (consumer.Models[index] is not { } model)
                    continue;
                if (merged.TryGetValue(index, out var target))
                    target.Merge(model);
                else
                    merged[index] = model;
            }

            metadata.Merge(consumer.Metadata);
        }

        var problems = consumers
            .SelectMany(c => c.Issues)
            .Select(i => new LineProblem(scan.LineNumber(i.Chunk, i.Line), i.Message))
            .OrderBy(p => p.Line)
            .Take(WorkerAggregate.MaxIssuesKept)
            .ToArray();
        var examples = consumers
            .SelectMany(c => c.ErrorExamples)
            .Select(e => new ErrorExample(scan.LineNumber(e.Chunk, e.Line), e.Outcome, e.Model, e.Message))
            .OrderBy(e => e.Line)
            .GroupBy(e => e.Outcome)
            .SelectMany(g => g.Take(WorkerAggregate.MaxExamplesPerOutcome))
            .OrderBy(e => e.Line)
            .ToArray();

        return new RunAggregate
        {
            Scenario = scenario,
            Thresholds = thresholds,
            Models = merged.Values.OrderBy(m => m.ModelId, StringComparer.Ordinal).ToArray(),
            SummaryKeys = summaryKeys.Names,
            Metadata = metadata,
            FileLength = scan.Length,
            Lines = scan.TotalLines,
            Records = consumers.Sum(c => c.RecordCount),
            Malformed = consumers.Sum(c => c.MalformedCount),
            Superseded = consumers.Sum(c => c.SupersededCount),
            NotBlind = consumers.Sum(c => c.NotBlindCount),
            PanelAnswers = consumers.SelectMany(c => c.PanelAnswers).OrderBy(a => a.Position.Chunk).ThenBy(a => a.Position.Line).ToArray(),
            Problems = problems,
            ErrorExamples = examples,
        };
    }

    /// <summary>
    /// Several runs of the same scenario in one aggregate: every run's models side by side, a model named "id @ label"
    /// when its id is in more than one run; counts are summed, line problems name their run.
    /// </summary>
    public static RunAggregate Combine(IReadOnlyList<(RunAggregate Run, string Label)> runs)
    {
        var shared = runs.SelectMany(r => r.Run.Models.Select(m => m.ModelId).Distinct(StringComparer.Ordinal))
            .GroupBy(id => id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var metadata = new RunMetadataAccumulator();
        var models = new List<ModelAccumulator>();
        foreach (var (run, label) in runs)
        {
            foreach (var model in run.Models)
            {
                if (shared.Contains(model.ModelId))
                    model.Label($"{model.ModelId} @ {label}");
                models.Add(model);
            }

            metadata.Merge(run.Metadata);
        }

        var first = runs[0].Run;
        return new RunAggregate
        {
            Scenario = first.Scenario,
            Thresholds = first.Thresholds,
            Models = models,
            SummaryKeys = first.SummaryKeys,
            Metadata = metadata,
            FileLength = runs.Sum(r => r.Run.FileLength),
            Lines = runs.Sum(r => r.Run.Lines),
            Records = runs.Sum(r => r.Run.Records),
            Malformed = runs.Sum(r => r.Run.Malformed),
            Superseded = runs.Sum(r => r.Run.Superseded),
            NotBlind = runs.Sum(r => r.Run.NotBlind),
            PanelAnswers = runs.SelectMany(r => r.Run.PanelAnswers).ToArray(),
            Problems = runs.SelectMany(r => r.Run.Problems.Select(p => p with { Message = $"{r.Label}: {p.Message}" })).Take(WorkerAggregate.MaxIssuesKept).ToArray(),
            ErrorExamples = runs.SelectMany(r => r.Run.ErrorExamples).ToArray(),
        };
    }
}
