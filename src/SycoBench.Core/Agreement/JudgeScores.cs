using SycoBench.Records;
using SycoBench.Reviews;

namespace SycoBench.Agreement;

/// <summary>
/// Judge scores of a run_scored.jsonl, found again for a reviewed answer by (model, prompt id, sample) and, when
/// both sides carry one, the run id. The prompt id and sample come from the review's metadata, or else from an
/// identifier of the form <c>&lt;model_id&gt;|&lt;prompt_id&gt;|&lt;sample&gt;</c>.
/// </summary>
internal sealed class JudgeScores
{
    private readonly Dictionary<(string Model, string Prompt, int Sample), List<EvalRecord>> _byKey = [];

    private JudgeScores()
    {
    }

    public sealed record Match(string ModelId, string Perspective, double Score);

    public static JudgeScores Index(IEnumerable<EvalRecord> scored)
    {
        var index = new JudgeScores();
        foreach (var row in scored)
        {
            if (row.Score is null)
                continue;
            var key = (row.ModelId, row.PromptId, row.SampleIndex);
            if (!index._byKey.TryGetValue(key, out var list))
                index._byKey[key] = list = [];
            list.Add(row);
        }

        return index;
    }

    public Match? Find(ReviewExport review)
    {
        var metadata = SeedMetadata.From(review.Metadata);
        string? model = review.ModelId, prompt = metadata?.PromptId;
        int? sample = metadata?.Sample;
        var parts = review.Identifier.Split('|');
        if (parts.Length == 3)
        {
            model ??= parts[0];
            prompt ??= parts[1];
            if (sample is null && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                sample = parsed;
        }

        if (model is null || prompt is null || !_byKey.TryGetValue((model, prompt, sample ?? 0), out var candidates))
            return null;
        var row = candidates.FirstOrDefault(c => review.RunId is null || c.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture) == review.RunId);
        if (row is null)
            return null;
        var perspective = metadata?.Perspective ?? row.Perspective ?? row.Factors?.Perspective ?? "";
        return new Match(row.ModelId, perspective, row.Score!.Value);
    }
}
