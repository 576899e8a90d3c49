using System.Diagnostics;
using SycoBench.Labeling;
using SycoBench.Labeling.Storage;

namespace SycoBench.Bench.Labeling;

/// <summary>
/// One simulated reviewer calling the label store directly, without the web app: the store calls of the review page
/// (the next item and the counts the page shows) and of the submission, as the server makes them. Beside the HTTP run
/// it splits the store's share of a review's time from the web app's.
/// </summary>
internal sealed class StoreReviewer(LabelStore store, string reviewerCode, int seed) : IReviewer
{
    private readonly Random _random = new(seed);

    public Task SignInAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<(double NextMs, double SubmitMs)> ReviewOnceAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // What the review page asks of the store (the dataset's scale is remembered after the first read).
        _ = store.Datasets.FindOrBuiltIn(LabelDatasets.Scenario);
        var assignment = (await store.Assignments.NextWithCountsAsync(LabelDatasets.Scenario, reviewerCode, cancellationToken)).Assignment
            ?? throw new InvalidOperationException("no item offered");
        var next = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var score = Math.Round(_random.NextDouble() * 2 - 1, 2);
        started = Stopwatch.GetTimestamp();
        _ = store.Datasets.FindOrBuiltIn(LabelDatasets.Scenario);
        var outcome = await store.Assignments.SubmitAsync(
            new ReviewSubmission(reviewerCode, assignment.Item.Id, Guid.NewGuid().ToString("N"), score, "") { Dataset = LabelDatasets.Scenario },
            cancellationToken);
        var submit = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (outcome.Status != SubmitStatus.Stored)
            throw new InvalidOperationException($"submission refused: {outcome.Status} ({outcome.Message})");
        return (next, submit);
    }

    public void Dispose()
    {
    }
}
