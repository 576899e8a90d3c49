using System.Globalization;
using Microsoft.Extensions.AI;
using SycoBench.Costs;
using SycoBench.Models;
using SycoBench.Models.Batch;
using SycoBench.Models.Pipeline;
using SycoBench.Running;

namespace SycoBench.Scoring.Batch;

/// <summary>
/// The judge calls of <c>score --batch</c> sent through the providers' Batch APIs before the scoring engine runs:
/// every first call of every (answer × judge × repeat) that the response cache cannot answer goes into one batch per
/// judge (as many answers as the cost limit allows, worst case at the batch price), which is polled until final; its
/// replies fill the cache and an <see cref="JudgeAnswerBook"/> the engine then reads. Batches recorded in the
/// <see cref="BatchJournal"/> and not yet written are re-attached to first, and the calls they hold are not sent again.
/// A failed line is a failed judge call: its answer gets a failure record, and the next <c>score</c> asks again.
/// </summary>
public sealed class JudgeBatches(Func<ModelRoute, BatchSession> sessions, ResponseCache? cache, RunLog log)
{
    /// <summary>Sends what needs sending, waits for every batch, and returns the book of replies.</summary>
    /// <param name="onStatus">Each new state of a batch, for a progress line.</param>
    public async Task<JudgeAnswerBook> PrepareAsync(
        ScoringOptions options, IReadOnlyList<ModelRoute> judges, BatchJournal journal, Action<string>? onStatus = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(judges);
        ArgumentNullException.ThrowIfNull(journal);
        var inputs = ScoringInputs.Read(options, judges.Select(j => j.Model.Id).ToArray(), cancellationToken);
        var open = journal.Open;
        var unknown = open.Where(e => judges.All(j => j.Model.Id != e.Model)).Select(e => e.Model).Distinct().ToArray();
        if (unknown.Length > 0)
            throw new InputException($"{journal.Path}: lists open batches of judge(s) {string.Join(", ", unknown)}, which this scoring does not have; name them with -s to collect their replies");

        var work = judges.Select(route => new JudgeWork(
            route, sessions(route), cache is null ? null : ResponseCachingChatClient.ForBatch(route, cache), open.Where(e => e.Model == route.Model.Id).ToArray())).ToArray();
        var rows = inputs.ToJudge.Select(row => (Row: row, Messages: inputs.Requests.Build(row))).ToArray();
        foreach (var judge in work)
        {
            foreach (var (_, messages) in rows)
            {
                for (var repeat = 0; repeat < options.JudgeRepeats; repeat++)
                {
                    var callOptions = JudgeCaller.Accepting(ScoringEngine.JudgeOptions(options, repeat));
                    judge.Calls.TryAdd(JudgeAnswerBook.Key(messages, callOptions), (messages, CallOptions(judge.Route, callOptions)));
                }
            }
        }

        // Batches of an earlier process first: their replies are paid whatever happens, and count against the limit.
        var budget = new Budget(options.MaxCostUsd);
        await Task.WhenAll(work.Select(w => CollectOpenAsync(w, budget, onStatus, cancellationToken))).ConfigureAwait(false);

        var admitted = new HashSet<AnswerKey>();
        var fromCache = 0;
        foreach (var (row, messages) in rows)
        {
            var needed = new List<(JudgeWork Judge, string Key)>();
            var worst = 0d;
            foreach (var judge in work)
            {
                for (var repeat = 0; repeat < options.JudgeRepeats; repeat++)
                {
                    var key = JudgeAnswerBook.Key(messages, JudgeCaller.Accepting(ScoringEngine.JudgeOptions(options, repeat)));
                    if (judge.Answers.ContainsKey(key) || judge.Pending.Contains(key) || judge.Lines.ContainsKey(key) || needed.Contains((judge, key)))
                        continue;
                    var (callMessages, callOptions) = judge.Calls[key];
                    if (judge.Lookup is not null && await judge.Lookup.LookupAsync(callMessages, callOptions, cancellationToken).ConfigureAwait(false) is { } hit)
                    {
                        judge.Answers[key] = BookAnswer.FromCache(hit);
                        fromCache++;
                        continue;
                    }

                    needed.Add((judge, key));
                    worst += options.WorstCaseCost?.Invoke(judge.Route.Model.Id, messages) ?? 0;
                }
            }

            // Held back by the cost limit: not sent, not judged (the next run continues); answers already paid still are.
            if (needed.Count > 0 && !budget.TryReserve(worst))
                continue;
            foreach (var (judge, key) in needed)
            {
                var (callMessages, callOptions) = judge.Calls[key];
                judge.Lines[key] = BatchLines.Request(key, judge.Route, callMessages, callOptions);
            }

            admitted.Add(AnswerKey.Of(row));
        }

        if (budget.Exhausted)
        {
            log.Warn($"the cost limit of {Usd.Format(budget.LimitUsd)} keeps {rows.Length - admitted.Count} answer(s) out of the batches "
                + "(worst case at the batch price); score again with a higher --max-cost to judge them");
        }

        var stem = Path.GetFileNameWithoutExtension(inputs.Plan.OutputPath);
        await Task.WhenAll(work.Select(w => SendAsync(w, stem, onStatus, cancellationToken))).ConfigureAwait(false);

        var byJudge = work.ToDictionary(w => w.Route.Model.Id, w => (IReadOnlyDictionary<string, BookAnswer>)w.Answers, StringComparer.Ordinal);
        var finished = work.SelectMany(w => w.Finished.Select(f => (w.Session, f.Entry, f.Status))).ToArray();
        return new JudgeAnswerBook(byJudge, admitted, () =>
        {
            foreach (var (session, entry, status) in finished)
                session.MarkWritten(entry, status);
        })
        {
            Sent = work.Sum(w => w.Sent),
            Reattached = work.Sum(w => w.Reattached),
            FromCache = fromCache,
            FailedLines = work.Sum(w => w.Answers.Values.Count(a => a.Failed)),
            StoppedAtCostLimit = budget.Exhausted,
            InFlightAtStop = budget.InFlightAtStop,
        };
    }

    /// <summary>The options of a judge call as its pipeline would send them (the roster's settings added).</summary>
    private static ChatOptions CallOptions(ModelRoute route, ChatOptions options)
    {
        var copy = options.Clone();
        RosterRequestSettings.Apply(route.Model, copy);
        return copy;
    }

    private async Task CollectOpenAsync(JudgeWork judge, Budget budget, Action<string>? onStatus, CancellationToken cancellationToken)
    {
        foreach (var recorded in judge.Open)
        {
            var entry = await judge.Session.AttachAsync(recorded, cancellationToken).ConfigureAwait(false);
            var replies = await CollectAsync(judge, entry, onStatus, cancellationToken).ConfigureAwait(false);
            judge.Reattached += replies.Count;
            foreach (var reply in replies)
                budget.AddEarlier(reply.Failed ? 0 : reply.CostUsd);
        }
    }

    private async Task SendAsync(JudgeWork judge, string stem, Action<string>? onStatus, CancellationToken cancellationToken)
    {
        if (judge.Lines.Count == 0)
            return;
        var lines = judge.Lines.Select(pair => (pair.Key, pair.Value)).ToArray();
        var entry = await judge.Session.SubmitAsync(lines, string.Create(CultureInfo.InvariantCulture, $"sycobench-{stem}.jsonl"), cancellationToken).ConfigureAwait(false);
        judge.Sent += lines.Length;
        await CollectAsync(judge, entry, onStatus, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for a batch and puts a reply (or the line's failure) in the book for every call it holds.</summary>
    private async Task<List<BookAnswer>> CollectAsync(JudgeWork judge, BatchEntry entry, Action<string>? onStatus, CancellationToken cancellationToken)
    {
        var state = await judge.Session.WaitAsync(entry, s => onStatus?.Invoke(BatchSession.Describe(s, entry)), cancellationToken).ConfigureAwait(false);
        var results = await judge.Session.ResultsAsync(entry, state, cancellationToken).ConfigureAwait(false);
        var batchId = entry.BatchId!;
        var whyMissing = $"the batch ended {state.Status} without a reply to this call" + (state.Errors is { } errors ? $" ({errors})" : "");
        var replies = new List<BookAnswer>();
        var unused = 0;
        foreach (var customId in entry.CustomIds)
        {
            var reply = BookAnswer.FromBatch(results.GetValueOrDefault(customId), batchId, whyMissing);
            replies.Add(reply);
            if (!judge.Calls.TryGetValue(customId, out var call))
            {
                // An answer scored since (or changed in the run): its reply is paid but judges nothing now.
                unused++;
                continue;
            }

            judge.Answers[customId] = reply;
            if (!reply.Failed && judge.Lookup is not null)
                await judge.Lookup.StoreAsync(call.Messages, call.Options, results[customId].Response!, cancellationToken).ConfigureAwait(false);
        }

        if (unused > 0)
            log.Warn($"{judge.Route.Model.Id}: {unused} reply(ies) of batch {batchId} belong to no answer still to judge (scored since, or changed); not used");
        var failed = replies.Count(r => r.Failed);
        if (failed > 0)
            log.Warn($"{judge.Route.Model.Id}: {failed} call(s) of batch {batchId} came back without a reply; their answers get failure records, and the next score asks again");
        judge.Finished.Add((entry, state.Status));
        return replies;
    }

    private sealed class JudgeWork(ModelRoute route, BatchSession session, ResponseCachingChatClient? lookup, BatchEntry[] open)
    {
        public ModelRoute Route { get; } = route;

        public BatchSession Session { get; } = session;

        public ResponseCachingChatClient? Lookup { get; } = lookup;

        public BatchEntry[] Open { get; } = open;

        /// <summary>Calls already in a batch of an earlier process (never sent again).</summary>
        public HashSet<string> Pending { get; } = open.SelectMany(e => e.CustomIds).ToHashSet(StringComparer.Ordinal);

        /// <summary>Every call of the answers to judge, by key: what is sent and cached.</summary>
        public Dictionary<string, (IReadOnlyList<ChatMessage> Messages, ChatOptions Options)> Calls { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, BookAnswer> Answers { get; } = new(StringComparer.Ordinal);

        /// <summary>The batch lines to send, by key, in the order the answers come.</summary>
        public Dictionary<string, string> Lines { get; } = new(StringComparer.Ordinal);

        public List<(BatchEntry Entry, string Status)> Finished { get; } = [];

        public int Sent { get; set; }

        public int Reattached { get; set; }
    }
}
