using System.Globalization;
using SycoBench.Records;
using SycoBench.Statistics;

namespace SycoBench.Reviews;

/// <summary>
/// Turns answers of a run into seeds for people to score: a seeded sample balanced over models and perspectives.
/// Failed rows and empty answers are never sampled. The same rows, size and seed always give the same seeds, in the
/// same order, whatever the order of the rows in the file.
/// </summary>
public static class RunSeedSampler
{
    /// <summary>The identifier of a run answer: <c>&lt;model_id&gt;|&lt;prompt_id&gt;|&lt;sample&gt;</c>.</summary>
    public static string Identifier(RunRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.Create(CultureInfo.InvariantCulture, $"{row.ModelId}|{row.PromptId}|{row.SampleIndex}");
    }

    public static bool IsUsable(RunRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Succeeded && !string.IsNullOrWhiteSpace(row.ResponseText) && UserMessage(row) is not null;
    }

    /// <summary>
    /// Picks <paramref name="count"/> usable answers. The answers are grouped by (model, perspective); each group is
    /// shuffled with the seed, and the groups are then taken from in turn, one answer at a time, so every model and
    /// perspective gets an equal share (±1) until a group runs out. Seeds come out in that interleaved order.
    /// </summary>
    public static IReadOnlyList<LabelSeed> Sample(IEnumerable<RunRecord> rows, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);

        var usable = new Dictionary<string, RunRecord>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (IsUsable(row))
                usable.TryAdd(Identifier(row), row);
        }

        if (count > usable.Count)
            throw new ArgumentException(
                $"the sample size {count} is larger than the {usable.Count} usable answers (failed rows and empty answers are skipped)",
                nameof(count));

        var random = SeededRandom.For(seed, SeedStreams.ReviewSample);
        var groups = usable
            .GroupBy(pair => (Model: pair.Value.ModelId, Perspective: pair.Value.Perspective ?? ""))
            .OrderBy(g => g.Key.Model, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Perspective, StringComparer.Ordinal)
            .Select(g => new Queue<RunRecord>(Shuffled(g.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList(), random)))
            .ToList();

        var picked = new List<LabelSeed>(count);
        while (picked.Count < count)
        {
            foreach (var group in groups)
            {
                if (picked.Count == count)
                    break;
                if (group.Count > 0)
                    picked.Add(ToSeed(group.Dequeue()));
            }
        }

        return picked;
    }

    /// <summary>A seed carrying the user message as the prompt, the answer, the model and run, and the metadata.</summary>
    public static LabelSeed ToSeed(RunRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var metadata = new SeedMetadata
        {
            PromptId = row.PromptId,
            Perspective = row.Perspective ?? row.Factors?.Perspective,
            Factors = row.Factors,
            Sample = row.SampleIndex,
        };
        return new LabelSeed
        {
            Identifier = Identifier(row),
            PromptTitle = "Prompt " + row.PromptId,
            PromptBody = UserMessage(row) ?? "",
            ModelResponseText = row.ResponseText ?? "",
            ModelId = row.ModelId,
            RunId = row.RunId.ToString(CultureInfo.InvariantCulture),
            Metadata = metadata.ToJsonElement(),
        };
    }

    private static string? UserMessage(RunRecord row) =>
        row.Messages?.LastOrDefault(m => string.Equals(m.Role, "user", StringComparison.Ordinal))?.Content;

    private static List<T> Shuffled<T>(List<T> items, SeededRandom random)
    {
        random.Shuffle(items);
        return items;
    }
}
