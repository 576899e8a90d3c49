using SycoBench.Models;
using SycoBench.Records;

namespace SycoBench.Costs;

/// <summary>The answer lengths (output tokens) a model has already given in a run folder, for estimates on resume.</summary>
public readonly record struct ReceivedAnswers(int Count, double MeanTokens, long MaxTokens)
{
    public static ReceivedAnswers Of(ModelRoute route, IReadOnlyCollection<RunRecord> received)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(received);
        var lengths = received
            .Where(r => r.Succeeded && r.OutputTokens is not null && string.Equals(r.ModelId, route.Model.Id, StringComparison.Ordinal))
            .Select(r => r.OutputTokens!.Value)
            .ToArray();
        return lengths.Length == 0 ? default : new ReceivedAnswers(lengths.Length, lengths.Average(), lengths.Max());
    }
}
