using System.Globalization;
using Microsoft.Extensions.AI;
using SycoBench.Labeling.Storage;
using SycoBench.Models;
using SycoBench.Models.Pipeline;
using SycoBench.Reviews;
using SycoBench.Scoring;

namespace SycoBench.Labeling.AiReviewing;

/// <summary>What <see cref="AiReviewRun.RunAsync"/> is asked to do.</summary>
public sealed record AiReviewRunOptions
{
    public required string Dataset { get; init; }

    /// <summary>The AI reviewers' model ids; each stores its reviews as <c>llm:&lt;model id&gt;</c>.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    public required AiReviewPrompt Prompt { get; init; }

    /// <summary>Items scored at the same time (each model's pipeline keeps its own limits too).</summary>
    public int Concurrency { get; init; } = 4;

    public float Temperature { get; init; } = 0.2f;

    public int? MaxTokens { get; init; }
}

/// <summary>One AI reviewer's tally: items of the dataset, items it had scored before, reviews stored now, failures.</summary>
public sealed record AiReviewerTally(string ReviewerCode, int Items, int AlreadyReviewed, int Stored, int CallFailures, int Unparsable, int CachedReplies, double CostUsd)
{
    /// <summary>The reasons of the first few failed items, for the console.</summary>
    public IReadOnlyList<string> FailureExamples { get; init; } = [];
}

/// <summary>
/// Scores a dataset's items with AI reviewers through the model clients the caller hands over (the same pipeline as
/// <c>score</c>: limits, retries, response cache, cost). Each score is stored at once in the AI reviews table
/// (<see cref="AiReviewStore"/>) with the submission id <c>&lt;code&gt;|&lt;item id&gt;</c>, so an interrupted run resumes
/// where it stopped and never stores a review twice; items an AI reviewer has scored already are not sent again. A
/// failed call or a reply without a number stores nothing and is counted — never a made-up 0.
/// </summary>
public sealed class AiReviewRun(LabelStore store, IModelClientProvider clients)
{
    public async Task<IReadOnlyList<AiReviewerTally>> RunAsync(AiReviewRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var items = store.Items.List(options.Dataset).ToList();
        if (items.Count == 0)
            throw new InputException($"dataset '{options.Dataset}' has no items in {store.Path}");
        var tallies = new List<AiReviewerTally>();
        foreach (var model in options.Models)
            tallies.Add(await ReviewAsync(model, items, options, cancellationToken).ConfigureAwait(false));
        return tallies;
    }

    private async Task<AiReviewerTally> ReviewAsync(string model, List<StoredItem> items, AiReviewRunOptions options, CancellationToken cancellationToken)
    {
        var code = AiReviewers.CodeFor(model);
        var done = store.AiReviews.ReviewedItems(options.Dataset, code);
        var todo = items.Where(i => !done.Contains(i.Id)).ToList();
        var client = clients.GetClient(model);
        var gate = new Lock();
        int stored = 0, failed = 0, unparsable = 0, cached = 0;
        double cost = 0;
        var examples = new List<string>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(todo, parallel, async (item, token) =>
        {
            // A reply the caller cannot read is a failure: the response cache neither keeps it nor answers with it.
            var chatOptions = RequestTags.Accepting(
                new ChatOptions { Temperature = options.Temperature, MaxOutputTokens = options.MaxTokens },
                reply => JudgeReplyParser.Parse(reply.Text, options.Prompt.Parser).Succeeded);
            ChatResponse response;
            try
            {
                response = await client.GetResponseAsync(options.Prompt.Build(item), chatOptions, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var message = ex is OperationCanceledException ? "the request timed out" : ex.Message.ReplaceLineEndings(" ").Trim();
                lock (gate)
                {
                    failed++;
                    if (examples.Count < 3)
                        examples.Add($"item {item.Id}: {message}");
                }

                return;
            }

            var parsed = JudgeReplyParser.Parse(response.Text, options.Prompt.Parser);
            lock (gate)
            {
                cost += Cost(response);
                if (response.AdditionalProperties?.TryGetValue(ResponseProperties.Cached, out var c) == true && c is true)
                    cached++;
                if (parsed.Score is not { } score)
                {
                    unparsable++;
                    if (examples.Count < 3)
                        examples.Add($"item {item.Id}: {parsed.Failure}");
                    return;
                }

                store.AiReviews.Add([new AiReview(item.Id, code, score) { SubmissionId = code + "|" + item.Id.ToString(CultureInfo.InvariantCulture) }]);
                stored++;
            }
        }).ConfigureAwait(false);
        return new AiReviewerTally(code, items.Count, items.Count - todo.Count, stored, failed, unparsable, cached, cost) { FailureExamples = examples };
    }

    private static double Cost(ChatResponse response) =>
        response.AdditionalProperties?.TryGetValue(ResponseProperties.CostUsd, out var value) == true
            ? value switch { double d => d, float f => f, decimal m => (double)m, _ => 0 }
            : 0;
}
