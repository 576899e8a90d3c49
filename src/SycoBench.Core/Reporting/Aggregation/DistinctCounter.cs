using System.Text;

namespace SycoBench.Reporting.Aggregation;

/// <summary>Counts how often each distinct text occurs (judge models, rubrics, run ids), up to a bounded number of texts.</summary>
internal sealed class DistinctCounter(int maxDistinct = 100)
{
    private readonly Dictionary<byte[], long> _counts = new(ByteKeyComparer.Instance);

    /// <summary>Occurrences of texts beyond the first <c>maxDistinct</c> distinct ones.</summary>
    public long Overflow { get; private set; }

    public void Add(ReadOnlySpan<byte> text, long count = 1)
    {
        var lookup = _counts.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(text, out var existing))
            lookup[text] = existing + count;
        else if (_counts.Count < maxDistinct)
            lookup[text] = count;
        else
            Overflow += count;
    }

    public void Merge(DistinctCounter other)
    {
        foreach (var (text, count) in other._counts)
            Add(text, count);
        Overflow += other.Overflow;
    }

    /// <summary>The texts with their counts, most frequent first, then ordinal.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ToList() =>
        _counts.Select(e => new KeyValuePair<string, long>(Encoding.UTF8.GetString(e.Key), e.Value))
            .OrderByDescending(e => e.Value)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToArray();
}
