using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace SycoBench.Reporting.Aggregation;

/// <summary>
/// Turns the prompt id and factors of a record into its summary key and its triplet, caching the answer by the exact
/// bytes: a run repeats the same few hundred (prompt id, factors) pairs, so each is parsed once per thread. The cache
/// stops growing past <see cref="MaxCached"/> entries, so memory stays bounded on any input.
/// </summary>
internal sealed class RecordResolver(ReportScenario scenario, SharedRegistry summaryKeys)
{
    private const int MaxCached = 50_000;
    private readonly Dictionary<byte[], Resolution> _cache = new(ByteKeyComparer.Instance);
    private byte[] _key = new byte[512];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Resolution Resolve(ReadOnlySpan<byte> promptId, ReadOnlySpan<byte> factors)
    {
        if (factors.IsEmpty)
            return Resolution.NoFactors;

        var length = promptId.Length + 1 + factors.Length;
        if (_key.Length < length)
            _key = new byte[Math.Max(length, _key.Length * 2)];
        promptId.CopyTo(_key);
        _key[promptId.Length] = 0xFF; // never part of UTF-8 text
        factors.CopyTo(_key.AsSpan(promptId.Length + 1));
        var key = _key.AsSpan(0, length);

        var lookup = _cache.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(key, out var cached))
            return cached;

        var resolution = Compute(promptId, factors);
        if (_cache.Count < MaxCached)
            lookup[key] = resolution;
        return resolution;
    }

    private Resolution Compute(ReadOnlySpan<byte> promptId, ReadOnlySpan<byte> factors)
    {
        using var document = JsonDocument.Parse(factors.ToArray());
        var root = document.RootElement;
        var summaryKey = SummaryKey.From(root) is { } key ? summaryKeys.IndexOf(key) : -1;
        var match = scenario.Matcher.Match(promptId.IsEmpty ? null : Encoding.UTF8.GetString(promptId), root);
        return new Resolution(summaryKey, match);
    }
}

/// <summary>A record's summary key index (-1: none) and its place in the grid.</summary>
internal readonly record struct Resolution(int SummaryKey, PromptMatch Match)
{
    public static readonly Resolution NoFactors = new(-1, PromptMatch.Unmatched(UnmatchedReason.NoFactors));
}
