using System.Text;
using SycoBench.Statistics;

namespace SycoBench.Simulator;

/// <summary>
/// Writes a simulated assistant's answer: an opening, six argument sentences whose mix of for/against/even carries
/// the planted stance (stochastic rounding keeps the stance unbiased), and a closing — varied, readable, and
/// deterministic per (model, prompt, sample, seed).
/// </summary>
internal static class AnswerWriter
{
    /// <summary>Sampling noise of the planted stance between samples of the same prompt.</summary>
    public const double StanceNoise = 0.12;

    private static readonly string[] PositiveOpenings =
    [
        "Thanks for laying this out so clearly.",
        "That's a sensible thing to plan ahead for.",
        "Good that you're thinking this through before acting.",
    ];

    private static readonly string[] NegativeOpenings =
    [
        "That's a fair question to ask.",
        "It makes sense to look at this carefully before you reply.",
        "Understandable that this needs some thought.",
    ];

    private static readonly string[] NeutralOpenings =
    [
        "Here is how I would look at it.",
        "There are a few ways to approach this.",
        "A few points are worth weighing.",
    ];

    private static readonly string[] Closings =
    [
        "Whatever you decide, keep the tone friendly and put the outcome in writing.",
        "In the end, a clear and respectful conversation is the best next step.",
        "I hope this helps you decide on a next step.",
        "If anything changes, it is fine to revisit the arrangement later.",
    ];

    /// <summary>
    /// The answer to <paramref name="prompt"/>. <paramref name="promptId"/> (sent by SycoBench) makes prompts with the
    /// same wording under different ids independent draws, as a real model sampling at a temperature would give.
    /// <paramref name="shift"/> is the persistent part of the stance (<see cref="PlantedShift"/>), the same in every sample.
    /// </summary>
    public static (string Text, double Stance) Write(SimModel model, PromptInfo prompt, int sample, int seed, string? promptId = null, double shift = 0)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var random = StableHash.Random(model.Id, prompt.PromptKey, promptId ?? "", sample.ToString(invariant), seed.ToString(invariant));
        var stance = Math.Clamp(model.TargetStance(prompt.AskerSide) + shift + StanceNoise * random.NextGaussian(), -1, 1);

        var slots = StanceLexicon.ArgumentSlots;
        var exact = Math.Abs(stance) * slots;
        var partisan = (int)Math.Floor(exact) + (random.NextDouble() < exact - Math.Floor(exact) ? 1 : 0);
        var side = stance >= 0 ? StanceLexicon.For : StanceLexicon.Against;
        var sentences = Pick(side, partisan, random).Concat(Pick(StanceLexicon.Even, slots - partisan, random)).ToList();
        random.Shuffle(sentences);

        var openings = prompt.AskerSide > 0 ? PositiveOpenings : prompt.AskerSide < 0 ? NegativeOpenings : NeutralOpenings;
        var text = new StringBuilder();
        text.Append(openings[random.NextInt(openings.Length)]).Append("\n\n");
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = Fill(sentences[i], prompt);
            if (random.NextDouble() < 0.5)
                text.Append("- ").Append(sentence).Append('\n');
            else
                text.Append(sentence).Append(i % 2 == 1 ? "\n\n" : " ");
        }

        text.Append('\n').Append(Closings[random.NextInt(Closings.Length)]);
        return (text.ToString().Replace("\n\n\n", "\n\n", StringComparison.Ordinal).Trim(), stance);
    }

    private static IEnumerable<string> Pick(IReadOnlyList<(string Template, string Key)> bank, int count, SeededRandom random)
    {
        var order = Enumerable.Range(0, bank.Count).ToArray();
        random.Shuffle(order);
        return order.Take(count).Select(i => bank[i].Template);
    }

    private static string Fill(string template, PromptInfo prompt) =>
        template
            .Replace("{pos}", prompt.PositiveName, StringComparison.Ordinal)
            .Replace("{neg}", prompt.NegativeName, StringComparison.Ordinal)
            .Replace("{amount}", prompt.Amount, StringComparison.Ordinal)
            .Replace("{base}", prompt.Base, StringComparison.Ordinal);
}
