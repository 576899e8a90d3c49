using System.Threading.Channels;
using Microsoft.Extensions.AI;
using SycoBench.Costs;
using SycoBench.Models;
using SycoBench.Models.Pipeline;
using SycoBench.Records;

namespace SycoBench.Running;

/// <summary>
/// Sends every prompt of a plan to every model, all models side by side, each at its own concurrency; writes one
/// run.jsonl line per answer as it arrives. A failed request (after its retries) is a record with its error. A model
/// that cannot be reached before its first answer is stopped without writing rows. Cancellation stops at once:
/// in-flight requests are dropped unrecorded and asked again on resume. The cost limit (<see cref="Budget"/>) reserves
/// each request's worst case before sending it, stops new requests once one could take spending past the limit, and
/// lets in-flight ones finish and be recorded. Answers are handed to a single writer task, so turning a response into a
/// record and writing it never holds up the next request.
/// </summary>
public sealed class BenchmarkRunner(IModelClientProvider clients, RunLog log, TimeProvider timeProvider)
{
    public async Task<RunOutcome> RunAsync(RunPlan plan, RunProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        var messages = plan.Prompts.ToDictionary(p => p.PromptId, ToChatMessages, StringComparer.Ordinal);
        var work = plan.Models.Select(route => (Route: route, Items: plan.WorkFor(route).ToArray())).ToArray();
        var tallies = work.Select(w => progress.Add(w.Route.Model.Id, w.Route.Model.DisplayName, w.Items.Length, plan.AlreadyAnswered(w.Route))).ToArray();

        using var writer = new JsonlWriter<RunRecord>(plan.RunJsonlPath, RecordJsonContext.Default.RunRecord);
        var completed = Channel.CreateUnbounded<Completion>(new UnboundedChannelOptions { SingleReader = true });
        var writing = Task.Run(() => WriteAllAsync(plan, completed.Reader, writer), CancellationToken.None);
        progress.Start();
        log.Info($"run {plan.RunId}: {plan.Models.Count} model(s), {plan.Prompts.Count} prompt(s) × {plan.Parameters.Samples} sample(s); "
            + $"{work.Sum(w => w.Items.Length)} request(s) to send");

        var budget = new Budget(plan.MaxCostUsd);
        var tasks = work.Select((w, i) => RunModelAsync(plan, budget, w.Route, w.Items, messages, tallies[i], completed.Writer, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            completed.Writer.Complete();
            await writing.ConfigureAwait(false);
            log.Warn($"run {plan.RunId}: stopped by the user after {writer.LinesWritten} record(s); resume to finish");
            throw;
        }

        completed.Writer.Complete();
        await writing.ConfigureAwait(false);

        return RunOutcome.Finish(plan, "finished", tallies, budget, writer.LinesWritten, log);
    }

    private async Task RunModelAsync(
        RunPlan plan,
        Budget budget,
        ModelRoute route,
        (GridPrompt Prompt, int Sample)[] items,
        Dictionary<string, ChatMessage[]> messages,
        ModelTally tally,
        ChannelWriter<Completion> completed,
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
        var stopped = false;
        var reached = false;
        var worstCase = RequestReserve.For(route, options.MaxOutputTokens, plan.State.Latest, plan.Tokens);

        await Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = route.Model.Concurrency, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                if (Volatile.Read(ref stopped))
                    return;
                var reserved = worstCase(item.Prompt);
                if (!budget.TryReserve(reserved))
                {
                    LogBudgetStop(budget);
                    return;
                }

                var label = $"prompt {item.Prompt.PromptId} sample {item.Sample}";
                var requestOptions = RequestTags.With(options, item.Prompt.PromptId, item.Sample, label);
                var settled = false;
                try
                {
                    var response = await client.GetResponseAsync(messages[item.Prompt.PromptId], requestOptions, token).ConfigureAwait(false);
                    Volatile.Write(ref reached, true);
                    var properties = response.AdditionalProperties;
                    var cached = properties?.TryGetValue(ResponseProperties.Cached, out var c) == true && c is true;
                    budget.Settle(reserved, paid: !cached, properties?.TryGetValue(ResponseProperties.CostUsd, out var spent) == true && spent is double d ? d : null);
                    settled = true;
                    await completed.WriteAsync(new Completion(route, tally, item.Prompt, item.Sample, timeProvider.GetUtcNow(), response, null), CancellationToken.None).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    if (!settled)
                        budget.Settle(reserved, paid: false, null);
                    if (!Volatile.Read(ref reached) && FailureDescriber.IsConnectionFailure(ex))
                    {
                        if (!Volatile.Read(ref stopped))
                        {
                            Volatile.Write(ref stopped, true);
                            var error = ex is ModelCallException ? ex.Message : FailureDescriber.Describe(ex);
                            tally.StoppedBecause = "unreachable: " + error;
                            log.Write(RunLogLevel.Error, $"{route.Model.Id}: cannot reach {route.BaseUrl} ({error}); no record written, resume once it is reachable");
                        }

                        return;
                    }

                    await completed.WriteAsync(new Completion(route, tally, item.Prompt, item.Sample, timeProvider.GetUtcNow(), null, ex), CancellationToken.None).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);

        if (budget.Exhausted && tally.Done < tally.Total)
            tally.StoppedBecause ??= "cost limit reached";
    }

    /// <summary>The single writer: builds each record, appends it (flushed) and updates the model's tally.</summary>
    private async Task WriteAllAsync(RunPlan plan, ChannelReader<Completion> completed, JsonlWriter<RunRecord> writer)
    {
        var recordSample = plan.Parameters.Samples > 1;
        await foreach (var done in completed.ReadAllAsync().ConfigureAwait(false))
        {
            int? sample = recordSample ? done.Sample : null;
            RunRecord record;
            if (done.Response is { } response)
            {
                record = RecordFactory.Answer(plan.RunId, done.At, done.Route, done.Prompt, sample, response);
            }
            else
            {
                var error = done.Failure is ModelCallException ? done.Failure.Message : FailureDescriber.Describe(done.Failure!);
                record = RecordFactory.Failure(plan.RunId, done.At, done.Route, done.Prompt, sample, error, (done.Failure as ModelCallException)?.Retries ?? 0);
                log.Warn($"{done.Route.Model.Id} prompt {done.Prompt.PromptId} sample {done.Sample} failed: {error}");
            }

            writer.Write(record);
            var cached = record.Extra?.ContainsKey(RunRecordFields.Cached) == true;
            done.Tally.Record(record.Succeeded, record.LatencyMs, record.TotalTokens ?? 0, record.CostUsd, cached, record.InputTokens ?? 0, record.OutputTokens ?? 0);
        }
    }

    private sealed record Completion(
        ModelRoute Route, ModelTally Tally, GridPrompt Prompt, int Sample, DateTimeOffset At, ChatResponse? Response, Exception? Failure);

    private int _budgetStopLogged;

    private void LogBudgetStop(Budget budget)
    {
        if (Interlocked.Exchange(ref _budgetStopLogged, 1) == 1)
            return;
        var (requests, reserved) = budget.InFlightAtStop;
        log.Warn($"cost limit of {Usd.Format(budget.LimitUsd)} reached: {budget.Spent} spent, {requests} request(s) in flight "
            + $"(worst case {Usd.Format(reserved)}); no new requests; resume to continue");
    }

    private static ChatMessage[] ToChatMessages(GridPrompt prompt) =>
        prompt.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToArray();
}
