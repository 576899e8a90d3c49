using SycoBench.Records;

namespace SycoBench.Scoring;

/// <summary>Running counts of a score run, safe to update from the concurrent row tasks.</summary>
internal sealed class ScoringTally(int total)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, (int Replies, int Failures)> _byPerspective = new(StringComparer.Ordinal);
    private int _done, _scored, _failed, _calls, _cachedReplies, _callErrors, _parseFailures, _extraText, _clamped;
    private long _inputTokens, _outputTokens, _totalTokens;
    private Costs.CostTotal _cost;

    public ScoringProgress Add(RunRecord row, EvalRecord record, IReadOnlyList<IReadOnlyList<JudgeCallOutcome>> callsByJudge)
    {
        lock (_gate)
        {
            _done++;
            if (record.Score is not null)
                _scored++;
            else
                _failed++;

            var perspective = row.Perspective ?? row.Factors?.Perspective ?? "(none)";
            var (replies, failures) = _byPerspective.GetValueOrDefault(perspective);
            foreach (var call in callsByJudge.SelectMany(c => c))
            {
                if (call.Cached)
                {
                    // Served from the cache: no call, nothing spent this run.
                    _cachedReplies++;
                }
                else
                {
                    _calls++;
                    _inputTokens += call.InputTokens ?? 0;
                    _outputTokens += call.OutputTokens ?? 0;
                    _totalTokens += call.TotalTokens ?? 0;
                    if (call.CallError is null)
                        _cost = _cost.Add(call.CostUsd);
                }

                if (call.CallError is not null)
                {
                    _callErrors++;
                    continue;
                }

                replies++;
                if (call.IsParseFailure)
                {
                    failures++;
                    _parseFailures++;
                }
                else
                {
                    _extraText += call.Parsed!.IsBare ? 0 : 1;
                    _clamped += call.Parsed.WasClamped ? 1 : 0;
                }
            }

            _byPerspective[perspective] = (replies, failures);
            return Snapshot(AnswerKey.Of(row));
        }
    }

    public ScoringResult ToResult(ScoringPlan plan, double maxParseFailures, bool planOnly, bool dryRun)
    {
        lock (_gate)
        {
            var replies = _byPerspective.Values.Sum(v => v.Replies);
            return new ScoringResult
            {
                Plan = plan,
                PlanOnly = planOnly,
                DryRun = dryRun,
                RowsScored = _scored,
                RowsFailed = _failed,
                JudgeCalls = _calls,
                CachedReplies = _cachedReplies,
                JudgeErrors = _callErrors,
                ParseFailures = _parseFailures,
                RepliesWithExtraText = _extraText,
                ClampedScores = _clamped,
                ParseFailuresByPerspective = _byPerspective.Select(p => new PerspectiveParseFailures(p.Key, p.Value.Replies, p.Value.Failures)).ToArray(),
                ParseFailureRate = replies == 0 ? 0 : (double)_parseFailures / replies,
                MaxParseFailures = maxParseFailures,
                InputTokens = _inputTokens,
                OutputTokens = _outputTokens,
                TotalTokens = _totalTokens,
                CostUsd = _cost.KnownCount > 0 && _cost.Exact is { } exact ? Math.Round(exact, 9) : null,
                Cost = _cost,
                Judges = [],
            };
        }
    }

    private ScoringProgress Snapshot(AnswerKey last) => new()
    {
        Total = total,
        Done = _done,
        Scored = _scored,
        Failed = _failed,
        JudgeCalls = _calls,
        CachedReplies = _cachedReplies,
        ParseFailures = _parseFailures,
        InputTokens = _inputTokens,
        OutputTokens = _outputTokens,
        CostUsd = _cost.Known,
        Last = last,
    };
}
