namespace SycoBench.Reporting.Aggregation;

/// <summary>A record's key (SPEC §8: model, prompt, sample, judge) as indexes shared by the reading threads.</summary>
internal readonly record struct LineKey(int Model, int Prompt, int Sample, int Judge);

/// <summary>Where a parsed line lies: its chunk and its line within the chunk (file order is their order).</summary>
internal readonly record struct LinePosition(int Chunk, long Line) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) => Chunk != other.Chunk ? Chunk.CompareTo(other.Chunk) : Line.CompareTo(other.Line);
}

/// <summary>
/// The key rule for the parallel reader: every thread notes the key and position of each record it reads; afterwards
/// the records that a later record of the same key follows are the superseded ones. A file without repeated keys
/// (every file the original tool wrote) has none, and is read exactly once.
/// </summary>
internal static class LineKeys
{
    /// <summary>The positions of every record but the last of its key; empty when no key repeats.</summary>
    public static HashSet<LinePosition> Superseded(IEnumerable<IReadOnlyList<(LineKey Key, LinePosition Position)>> perThread)
    {
        var latest = new Dictionary<LineKey, LinePosition>();
        var superseded = new HashSet<LinePosition>();
        foreach (var keys in perThread)
        {
            foreach (var (key, position) in keys)
            {
                if (!latest.TryGetValue(key, out var seen))
                {
                    latest[key] = position;
                }
                else if (seen.CompareTo(position) < 0)
                {
                    superseded.Add(seen);
                    latest[key] = position;
                }
                else
                {
                    superseded.Add(position);
                }
            }
        }

        return superseded;
    }
}
