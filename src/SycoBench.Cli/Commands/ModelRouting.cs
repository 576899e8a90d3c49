using SycoBench.Models;

namespace SycoBench.Cli.Commands;

/// <summary>Routes the models of <c>run</c> and the judges of <c>score</c> the same way; errors name the roster file.</summary>
internal static class ModelRouting
{
    /// <summary>Base-URL overrides (SIM_BASE_URL, OLLAMA_BASE_URL) come from the environment, then .env, like keys.</summary>
    public static ModelRoute[] RouteAll(IEnumerable<ModelEntry> models, ProviderRegistry registry, ApiKeys settings, string? rosterPath)
    {
        try
        {
            return models.Select(m => registry.Route(m, settings.Get)).ToArray();
        }
        catch (InputException ex) when (rosterPath is not null)
        {
            throw new InputException($"{rosterPath}: {ex.Message}", ex);
        }
    }
}
