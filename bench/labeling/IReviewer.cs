namespace SycoBench.Bench.Labeling;

/// <summary>One simulated reviewer: signs in once, then asks for the next item and scores it, in a loop.</summary>
internal interface IReviewer : IDisposable
{
    Task SignInAsync(CancellationToken cancellationToken);

    /// <summary>One review: the next item, then the submission. Returns both latencies in milliseconds.</summary>
    Task<(double NextMs, double SubmitMs)> ReviewOnceAsync(CancellationToken cancellationToken);
}
