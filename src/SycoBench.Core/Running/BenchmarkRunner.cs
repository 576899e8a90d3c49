using Microsoft.Extensions.AI;
using SycoBench.Models;
using SycoBench.Models.Pipeline;
using SycoBench.Records;

namespace SycoBench.Running;

/// <summary>
/// Sends every prompt of a plan to every model, all models side by side, each at its own concurrency; writes one
/// run.jsonl line per answer as it arrives. A failed request (after its retries) is a record with its error. A model
/// that cannot be reached before its first answer is stopped without writing rows. Cancellation stops at once:
/// in-flight requests are dropped unrecorded and asked again on resume. The cost limit stops new requests and lets
/// in-flight ones finish and be recorded.
/// </summary>
public sealed class BenchmarkRunner(IModelClientProvider clients, RunLog log, TimeProvider timeProvider)
{
    private readonly Lock _spendGate = new();
    private double _spent;
    private bool _budgetExhausted;

    public async Task<RunOutcome> RunAsync(RunPlan plan, RunProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        var messages = plan.Prompts.ToDictionary(p => p.PromptId, ToChatMessages, StringComparer.Ordinal);
        var work = plan.Models.Select(route => (Route: route, Items: plan.WorkFor(route).ToArray())).ToArray();
        var tallies = work.Select(w => progress.Add(w.Route.Model.Id, w.Route.Model.DisplayName, w.Items.Length, plan.AlreadyAnswered(w.Route))).ToArray();

        using var writer = new JsonlWriter<RunRecord>(plan.RunJsonlPath, RecordJsonContext.Default.RunRecord);
        progress.Start();
        log.Info($"run {plan.RunId}: {plan.Models.Count} model(s), {plan.Prompts.Count} prompt(s) × {plan.Parameters.Samples} sample(s); "
            + $"{work.Sum(w => w.Items.Length)} request(s) to send");

        var tasks = work.Select((w, i) => RunModelAsync(plan, w.Route, w.Items, messages, tallies[i], writer, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Warn($"run {plan.RunId}: stopped by the user after {writer.LinesWritten} record(s); resume to finish");
            throw;
        }

        var outcome = new RunOutcome(tallies, _budgetExhausted, _spent, (int)writer.LinesWritten);
        log.Info($"run {plan.RunId}: finished; {tallies.Sum(t => t.Ok)} ok, {outcome.Failed} failed, {outcome.SpentUsd:0.######} USD spent"
            + (outcome.StoppedAtCostLimit ? " (stopped at the cost limit)" : ""));
        return outcome;
    }

    private async Task RunModelAsync(
        RunPlan plan,
        ModelRoute route,
        (GridPrompt Prompt, int Sample)[] items,
        Dictionary<string, ChatMessage[]> messages,
        ModelTally tally,
        JsonlWriter<RunRecord> writer,
        CancellationToken cancellationToken)
    {
        if (items.Length == 0)
            return;
        var client = clients.GetClient(route.Model.Id);
        var options = new ChatOptions
        {
            Temperature = (float)(plan.Parameters.Temperature ?? route.Model.Temperature ?? RunParameters.DefaultTemperature),
            MaxOutputTokens = plan.Parameters.MaxTokens ?? route.Model.MaxTokens,
        };
        var recordSample = plan.Parameters.Samples > 1;
        var stopped = false;

        await Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = route.Model.Concurrency, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                if (Volatile.Read(ref stopped) || BudgetExhausted())
                    return;
                var label = $"prompt {item.Prompt.PromptId} sample {item.Sample}";
                var requestOptions = RequestTags.With(options, item.Prompt.PromptId, item.Sample, label);
                int? sample = recordSample ? item.Sample : null;
                RunRecord record;
                try
                {
                    var response = await client.GetResponseAsync(messages[item.Prompt.PromptId], requestOptions, token).ConfigureAwait(false);
                    record = RecordFactory.Answer(plan.RunId, timeProvider.GetUtcNow(), route, item.Prompt, sample, response);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    var error = ex is ModelCallException ? ex.Message : FailureDescriber.Describe(ex);
                    if (tally.Ok == 0 && FailureDescriber.IsConnectionFailure(ex))
                    {
                        if (!Volatile.Read(ref stopped))
                        {
                            Volatile.Write(ref stopped, true);
                            tally.StoppedBecause = "unreachable: " + error;
                            log.Write(RunLogLevel.Error, $"{route.Model.Id}: cannot reach {route.BaseUrl} ({error}); no record written, resume once it is reachable");
                        }

                        return;
                    }

                    record = RecordFactory.Failure(plan.RunId, timeProvider.GetUtcNow(), route, item.Prompt, sample,
                        error, (ex as ModelCallException)?.Retries ?? 0);
                    log.Warn($"{route.Model.Id} {label} failed: {error}");
                }

                writer.Write(record);
                var cached = record.Extra?.ContainsKey("cached") == true;
                var cost = cached ? 0 : record.CostUsd ?? 0;
                tally.Record(record.Succeeded, record.LatencyMs, record.TotalTokens ?? 0, cost, cached);
                Spend(cost, plan.MaxCostUsd);
                log.Debug($"{route.Model.Id} {label}: {(record.Succeeded ? "ok" : "failed")}");
            }).ConfigureAwait(false);

        if (BudgetExhausted() && tally.Done < tally.Total)
            tally.StoppedBecause ??= "cost limit reached";
    }

    private bool BudgetExhausted()
    {
        lock (_spendGate)
            return _budgetExhausted;
    }

    private void Spend(double cost, double? limit)
    {
        lock (_spendGate)
        {
            _spent += cost;
            if (limit is { } max && _spent >= max && !_budgetExhausted)
            {
                _budgetExhausted = true;
                log.Warn($"cost limit of {max:0.####} USD reached ({_spent:0.####} USD spent): no new requests; resume to continue");
            }
        }
    }

    private static ChatMessage[] ToChatMessages(GridPrompt prompt) =>
        prompt.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToArray();
}
