using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SycoBench.Costs;
using SycoBench.Models;
using SycoBench.Models.Batch;
using SycoBench.Models.Pipeline;
using SycoBench.Records;

namespace SycoBench.Running;

/// <summary>
/// Runs a plan through the providers' Batch APIs (<c>run --batch</c>): per model, the keys still to ask that the
/// response cache cannot answer go into one batch (as many as the cost limit allows, at the batch price), which is
/// polled until final; each answer becomes a run record priced at the batch price and carrying its <c>batch_id</c>,
/// each failed line a failure record (asked again with <c>--retry-errors</c>). Batches recorded in the
/// <see cref="BatchJournal"/> and not yet written are re-attached to, never created again, and the keys they hold are
/// not sent twice; a record already written from a batch is not written again.
/// </summary>
public sealed class BatchRunner(Func<ModelRoute, BatchSession> sessions, ResponseCache? cache, RunLog log, TimeProvider timeProvider)
{
    public async Task<RunOutcome> RunAsync(RunPlan plan, RunProgress progress, BatchJournal journal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(journal);
        var open = journal.Open;
        var unknown = open.Where(e => plan.Models.All(r => r.Model.Id != e.Model)).Select(e => e.Model).Distinct().ToArray();
        if (unknown.Length > 0)
            throw new InputException($"{journal.Path}: lists open batches of {string.Join(", ", unknown)}, which this run does not have");

        var budget = new Budget(plan.MaxCostUsd);
        using var writer = new JsonlWriter<RunRecord>(plan.RunJsonlPath, RecordJsonContext.Default.RunRecord);
        var work = plan.Models.Select(route =>
        {
            var entries = open.Where(e => e.Model == route.Model.Id).ToArray();
            var pending = entries.SelectMany(e => e.CustomIds).ToHashSet(StringComparer.Ordinal);
            var items = plan.WorkFor(route).Where(i => !pending.Contains(CustomId(i.Prompt.PromptId, i.Sample))).ToArray();
            var tally = progress.Add(route.Model.Id, route.Model.DisplayName, items.Length + pending.Count, plan.AlreadyAnswered(route));
            return new ModelWork(route, entries, items, tally);
        }).ToArray();
        progress.Start();
        log.Info($"run {plan.RunId} (batch): {plan.Models.Count} model(s); {work.Sum(w => w.Items.Length)} key(s) to ask, "
            + $"{work.Sum(w => w.Open.Length)} open batch(es) to re-attach to");

        var context = new RunContext(plan, writer, budget);
        await Task.WhenAll(work.Select(w => RunModelAsync(context, w, cancellationToken))).ConfigureAwait(false);

        var tallies = work.Select(w => w.Tally).ToArray();
        return RunOutcome.Finish(plan, "finished (batch)", tallies, budget, writer.LinesWritten, log);
    }

    /// <summary>The key of one request in a batch: <c>PROMPT_ID#SAMPLE</c>.</summary>
    public static string CustomId(string promptId, int sample) => string.Create(CultureInfo.InvariantCulture, $"{promptId}#{sample}");

    private async Task RunModelAsync(RunContext context, ModelWork work, CancellationToken cancellationToken)
    {
        var (plan, route, tally) = (context.Plan, work.Route, work.Tally);
        var session = sessions(route);
        var lookup = cache is null ? null : ResponseCachingChatClient.ForBatch(route, cache);
        var options = new ChatOptions
        {
            Temperature = (float)(plan.Parameters.Temperature ?? route.Model.Temperature ?? RunParameters.DefaultTemperature),
            MaxOutputTokens = plan.Parameters.MaxTokens ?? route.Model.MaxTokens,
        };
        RosterRequestSettings.Apply(route.Model, options);

        foreach (var recorded in work.Open)
        {
            var entry = await session.AttachAsync(recorded, cancellationToken).ConfigureAwait(false);
            await FinishAsync(context, work, session, lookup, options, entry, reserved: null, cancellationToken).ConfigureAwait(false);
        }

        var toSend = new List<(GridPrompt Prompt, int Sample)>();
        foreach (var item in work.Items)
        {
            var requestOptions = Tagged(options, item.Prompt, item.Sample);
            if (lookup is not null && await lookup.LookupAsync(context.Messages(item.Prompt), requestOptions, cancellationToken).ConfigureAwait(false) is { } hit)
                Write(context, work, RecordFactory.Answer(plan.RunId, timeProvider.GetUtcNow(), route, item.Prompt, SampleOf(plan, item.Sample), hit));
            else
                toSend.Add(item);
        }

        var worstCase = RequestReserve.For(route, options.MaxOutputTokens, plan.State.Latest, plan.Tokens, batch: true);
        var reserved = new Dictionary<string, double>(StringComparer.Ordinal);
        var lines = new List<(string CustomId, string Line)>();
        foreach (var (prompt, sample) in toSend)
        {
            var worst = worstCase(prompt);
            if (!context.Budget.TryReserve(worst))
            {
                tally.StoppedBecause = "cost limit reached";
                log.Warn($"{route.Model.Id}: the cost limit of {Usd.Format(context.Budget.LimitUsd)} leaves {toSend.Count - lines.Count} key(s) out of the batch "
                    + $"(worst case at the batch price); resume with a higher --max-cost to ask them");
                break;
            }

            var customId = CustomId(prompt.PromptId, sample);
            reserved[customId] = worst;
            lines.Add((customId, BatchLines.Request(customId, route, context.Messages(prompt), Tagged(options, prompt, sample))));
        }

        if (lines.Count == 0)
            return;
        BatchEntry submitted;
        try
        {
            submitted = await session.SubmitAsync(lines, string.Create(CultureInfo.InvariantCulture, $"sycobench-{plan.RunId}.jsonl"), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            foreach (var worst in reserved.Values)
                context.Budget.Settle(worst, paid: false, null);
            tally.StoppedBecause = "batch not created: " + ex.Message;
            log.Write(RunLogLevel.Error, $"{route.Model.Id}: the batch could not be submitted ({ex.Message}); no record written, resume to try again");
            return;
        }

        await FinishAsync(context, work, session, lookup, options, submitted, reserved, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for a batch, writes a record for every key it holds, and marks it written.</summary>
    private async Task FinishAsync(
        RunContext context, ModelWork work, BatchSession session, ResponseCachingChatClient? lookup, ChatOptions options, BatchEntry entry,
        Dictionary<string, double>? reserved, CancellationToken cancellationToken)
    {
        var (plan, route, tally) = (context.Plan, work.Route, work.Tally);
        var state = await session.WaitAsync(entry, s => tally.BatchStatus = BatchSession.Describe(s, entry), cancellationToken).ConfigureAwait(false);
        var results = await session.ResultsAsync(entry, state, cancellationToken).ConfigureAwait(false);
        var batchId = entry.BatchId!;
        var at = timeProvider.GetUtcNow();
        foreach (var customId in entry.CustomIds)
        {
            var hash = customId.LastIndexOf('#');
            var sample = hash > 0 && int.TryParse(customId.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1;
            if (sample < 0 || context.Prompt(customId[..hash]) is not { } prompt)
                throw new InputException($"{route.Model.Id}: batch {batchId} holds request '{customId}', which is not a prompt of this run");

            // Written by an earlier process that stopped before marking the batch written: not written twice.
            if (plan.State.LatestOf(new RunKey(route.Model.Id, prompt.PromptId, sample)) is { } earlier && BatchIdOf(earlier) == batchId)
                continue;

            RunRecord record;
            var result = results.GetValueOrDefault(customId);
            if (result?.Response is { } response)
            {
                record = RecordFactory.Answer(plan.RunId, at, route, prompt, SampleOf(plan, sample), response);
                if (lookup is not null)
                    await lookup.StoreAsync(context.Messages(prompt), Tagged(options, prompt, sample), response, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var why = result?.Error ?? $"the batch ended {state.Status} without an answer to this request" + (state.Errors is { } errors ? $" ({errors})" : "");
                record = RecordFactory.Failure(plan.RunId, at, route, prompt, SampleOf(plan, sample), $"batch {batchId}: {why}", 0);
                log.Warn($"{route.Model.Id} prompt {prompt.PromptId} sample {sample} failed in batch {batchId}: {why}");
            }

            record = WithBatchId(record, batchId);
            if (reserved is null)
                context.Budget.AddEarlier(record.Succeeded ? record.CostUsd : 0);
            else
                context.Budget.Settle(reserved.GetValueOrDefault(customId), paid: record.Succeeded, record.CostUsd);
            Write(context, work, record);
        }

        session.MarkWritten(entry, state.Status);
        log.Info(BatchSession.Describe(state, entry) + "; its records are written");
    }

    private static void Write(RunContext context, ModelWork work, RunRecord record)
    {
        context.Writer.Write(record);
        var cached = record.Extra?.ContainsKey("cached") == true;
        work.Tally.Record(record.Succeeded, record.LatencyMs, record.TotalTokens ?? 0, record.CostUsd, cached, record.InputTokens ?? 0, record.OutputTokens ?? 0);
    }

    private static ChatOptions Tagged(ChatOptions options, GridPrompt prompt, int sample) =>
        RequestTags.With(options, prompt.PromptId, sample, $"prompt {prompt.PromptId} sample {sample}");

    private static int? SampleOf(RunPlan plan, int sample) => plan.Parameters.Samples > 1 ? sample : null;

    public static string? BatchIdOf(RunRecord record) =>
        record.Extra?.TryGetValue("batch_id", out var id) == true && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static RunRecord WithBatchId(RunRecord record, string batchId)
    {
        var extra = new Dictionary<string, JsonElement>(record.Extra ?? [], StringComparer.Ordinal)
        {
            ["batch_id"] = JsonSerializer.SerializeToElement(batchId, RecordJsonContext.Default.String),
        };
        return record with { Extra = extra };
    }

    private sealed record ModelWork(ModelRoute Route, BatchEntry[] Open, (GridPrompt Prompt, int Sample)[] Items, ModelTally Tally);

    private sealed class RunContext(RunPlan plan, JsonlWriter<RunRecord> writer, Budget budget)
    {
        private readonly Dictionary<string, GridPrompt> _prompts = plan.Prompts.ToDictionary(p => p.PromptId, StringComparer.Ordinal);
        private readonly Dictionary<string, ChatMessage[]> _messages = plan.Prompts.ToDictionary(
            p => p.PromptId, p => p.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToArray(), StringComparer.Ordinal);

        public RunPlan Plan { get; } = plan;

        public JsonlWriter<RunRecord> Writer { get; } = writer;

        public Budget Budget { get; } = budget;

        public GridPrompt? Prompt(string promptId) => _prompts.GetValueOrDefault(promptId);

        public ChatMessage[] Messages(GridPrompt prompt) => _messages[prompt.PromptId];
    }
}
