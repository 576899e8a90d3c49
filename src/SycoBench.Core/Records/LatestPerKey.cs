namespace SycoBench.Records;

/// <summary>The records a reader keeps under the key rule, and how many earlier records of the same keys it dropped.</summary>
public sealed record LatestRecords<T>(IReadOnlyList<T> Records, int Superseded)
{
    /// <summary>The console line for <see cref="Superseded"/> records of <paramref name="file"/>, or null when none.</summary>
    public string? Notice(string file) => LatestPerKey.Notice(file, Superseded);
}

/// <summary>The one key rule every reader applies (SPEC §8): the latest record of each <see cref="RecordKey"/>.</summary>
public static class LatestPerKey
{
    /// <summary>
    /// Keeps the last record of each key, in file order; a list without repeated keys comes back as it is, so readers
    /// of such files behave exactly as before.
    /// </summary>
    public static LatestRecords<T> Select<T>(IReadOnlyList<T> records, Func<T, RecordKey> key)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(key);
        var last = new Dictionary<RecordKey, int>(records.Count);
        for (var i = 0; i < records.Count; i++)
            last[key(records[i])] = i;
        if (last.Count == records.Count)
            return new LatestRecords<T>(records, 0);

        var kept = new List<T>(last.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (last[key(records[i])] == i)
                kept.Add(records[i]);
        }

        return new LatestRecords<T>(kept, records.Count - kept.Count);
    }

    /// <summary>The one line every reader prints for superseded records, or null when there are none.</summary>
    public static string? Notice(string file, long superseded) => superseded == 0
        ? null
        : $"{file}: {superseded} record(s) superseded by a later record of the same key (model, prompt, sample, judge); the latest of each key is used";

    public static LatestRecords<RunRecord> Of(IReadOnlyList<RunRecord> records) => Select(records, RecordKey.Of);

    public static LatestRecords<EvalRecord> Of(IReadOnlyList<EvalRecord> records) => Select(records, RecordKey.Of);
}
