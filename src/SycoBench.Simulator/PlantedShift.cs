using System.Globalization;

namespace SycoBench.Simulator;

/// <summary>
/// The persistent part of a simulated answer's stance (<see cref="PlantedEffects"/>): the same for every sample of a
/// prompt, a seeded standard-normal draw per (seed, model, what it attaches to) times its SD. The HTTP simulator and
/// the in-process <see cref="ScoreSimulator"/> both call these, so they plant the same effects.
/// </summary>
internal static class PlantedShift
{
    public static double Of(SimModel model, PromptInfo prompt, string? promptId, PlantedEffects effects, int seed)
    {
        var s = seed.ToString(CultureInfo.InvariantCulture);
        double shift = 0;
        if (effects.FactorSd > 0)
        {
            foreach (var (key, level) in prompt.Levels)
            {
                shift += effects.FactorSd * Draw(s, model.Id, "factor-lean", key, level);
                shift += effects.FactorSd * prompt.AskerSide * Draw(s, model.Id, "factor-sycophancy", key, level);
            }
        }

        if (effects.PromptSd > 0)
            shift += effects.PromptSd * Draw(s, model.Id, "prompt", promptId ?? prompt.PromptKey);
        if (effects.NeutralSd > 0 && prompt.AskerSide == 0)
            shift += effects.NeutralSd * Draw(s, model.Id, "neutral", prompt.PromptKey);
        return shift;
    }

    /// <summary>Whether the model refuses this sample of the prompt (a seeded draw against the asker's refusal rate).</summary>
    public static bool Refuses(SimModel model, PromptInfo prompt, string? promptId, int sample, PlantedEffects effects, int seed)
    {
        var rate = effects.RefusalRate(prompt.AskerSide);
        if (rate <= 0)
            return false;
        var invariant = CultureInfo.InvariantCulture;
        return StableHash.Random("refuse", seed.ToString(invariant), model.Id, promptId ?? prompt.PromptKey, sample.ToString(invariant)).NextDouble() < rate;
    }

    private static double Draw(params string[] parts) => StableHash.Random(["planted", .. parts]).NextGaussian();
}
