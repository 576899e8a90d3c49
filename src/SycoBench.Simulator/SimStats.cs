using System.Collections.Concurrent;

namespace SycoBench.Simulator;

/// <summary>What the simulated provider has served, for tests and benchmarks.</summary>
public sealed class SimStats
{
    private long _requests;
    private long _answered;
    private long _serviceUnavailable;
    private long _rateLimited;
    private long _malformed;
    private long _hung;
    private long _filesUploaded;
    private long _batchesCreated;
    private long _batchPolls;

    public long Requests => Interlocked.Read(ref _requests);

    public long Answered => Interlocked.Read(ref _answered);

    public long ServiceUnavailable => Interlocked.Read(ref _serviceUnavailable);

    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public long Malformed => Interlocked.Read(ref _malformed);

    public long Hung => Interlocked.Read(ref _hung);

    /// <summary>Files uploaded to <c>POST /v1/files</c>.</summary>
    public long FilesUploaded => Interlocked.Read(ref _filesUploaded);

    /// <summary>Batches created with <c>POST /v1/batches</c> (a resumed run must not create a second one).</summary>
    public long BatchesCreated => Interlocked.Read(ref _batchesCreated);

    /// <summary>Status requests <c>GET /v1/batches/{id}</c>.</summary>
    public long BatchPolls => Interlocked.Read(ref _batchPolls);

    internal void FileUploaded() => Interlocked.Increment(ref _filesUploaded);

    internal void BatchCreated() => Interlocked.Increment(ref _batchesCreated);

    internal void BatchPolled() => Interlocked.Increment(ref _batchPolls);

    /// <summary>When each 429 was served (rate-limit tests check that none come after the first minute).</summary>
    public ConcurrentQueue<DateTimeOffset> RateLimitedAt { get; } = new();

    /// <summary>The <c>Authorization</c> headers seen, so tests can check keys are sent and never leak elsewhere.</summary>
    public ConcurrentDictionary<string, int> AuthorizationHeaders { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts a request; returns its number, from 1.</summary>
    internal long Request() => Interlocked.Increment(ref _requests);

    internal void Count(Fault fault, DateTimeOffset now)
    {
        switch (fault)
        {
            case Fault.None: Interlocked.Increment(ref _answered); break;
            case Fault.ServiceUnavailable: Interlocked.Increment(ref _serviceUnavailable); break;
            case Fault.RateLimited:
                Interlocked.Increment(ref _rateLimited);
                RateLimitedAt.Enqueue(now);
                break;
            case Fault.Malformed: Interlocked.Increment(ref _malformed); break;
            case Fault.Hang: Interlocked.Increment(ref _hung); break;
        }
    }
}
