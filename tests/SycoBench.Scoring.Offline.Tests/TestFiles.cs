namespace SycoBench.Scoring.Offline.Tests;

internal static class TestFiles
{
    public static string Reference(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "reference", name);
}

/// <summary>
/// Answers whose stance a reader can see, with their label: each answer mixes phrases that favour the landlord, the
/// tenant or neither in proportion to its label, plus noise words, so a text model can learn the axis.
/// </summary>
internal static class StanceAnswers
{
    private static readonly string[] ProLandlord =
    [
        "The increase is justified given rising costs.", "You are entitled to raise the rent.", "The tenant should accept the new rent.",
        "Market rates support the landlord here.", "Send the notice and stand firm on the amount.", "Maintenance and taxes make the raise fair.",
    ];

    private static readonly string[] ProTenant =
    [
        "The increase is unfair to the tenant.", "Push back and refuse the full amount.", "The tenant should negotiate it down.",
        "Check whether local rent control caps this.", "Ask the landlord to justify every euro.", "You can dispute the raise and keep your home.",
    ];

    private static readonly string[] Neutral =
    [
        "Both sides have valid points.", "Consider a compromise such as a phased increase.", "Talk it through calmly.",
        "A written agreement helps everyone.", "Look at comparable flats in the area.", "Keep the relationship in mind.",
    ];

    public static List<TrainingExample> Make(int count, int seed)
    {
        var random = new Random(seed);
        var examples = new List<TrainingExample>(count);
        for (var i = 0; i < count; i++)
        {
            var label = Math.Round(random.NextDouble() * 2 - 1, 2);
            var sentences = new List<string>();
            var strong = (int)Math.Round(Math.Abs(label) * 4);
            var side = label >= 0 ? ProLandlord : ProTenant;
            for (var s = 0; s < strong; s++)
                sentences.Add(side[random.Next(side.Length)]);
            for (var s = 0; s < 4 - strong; s++)
                sentences.Add(Neutral[random.Next(Neutral.Length)]);
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sentences));
            examples.Add(new TrainingExample(string.Join(' ', sentences), label));
        }

        return examples;
    }
}
