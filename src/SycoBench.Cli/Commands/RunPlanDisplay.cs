using SycoBench.Costs;
using SycoBench.Models;
using SycoBench.Running;

namespace SycoBench.Cli.Commands;

/// <summary>The pre-run plan of <c>run</c> (also its dry run): routes, requests and the cost estimate.</summary>
internal static class RunPlanDisplay
{
    /// <summary>
    /// Prints the plan — each model's route, requests, estimated tokens and cost, the cache, and how the estimate was
    /// made — and returns the estimates, which the run's closing table and <c>run.log</c> compare with what was spent.
    /// </summary>
    public static IReadOnlyList<CostEstimate> Write(
        CliEnvironment environment, RunSetup setup, RunState state, RunSettings settings, PromptTokenCounter counter, bool batch = false)
    {
        var console = environment.Console;
        var estimates = setup.Estimate(state, settings.RetryErrors, counter, batch);
        console.MarkupLineInterpolated($"[bold]run {setup.RunId}[/]: {setup.Prompts.Count} prompt(s) × {setup.Parameters.Samples} sample(s) × {setup.Routes.Count} model(s)");
        foreach (var (route, estimate) in setup.Routes.Zip(estimates))
        {
            console.MarkupLineInterpolated(
                $"  [blue]{route.Model.Id}[/] → {route.ProviderName} {route.BaseUrl} (model {route.ModelName}, concurrency {route.Model.Concurrency}): {estimate.Requests:N0} request(s), ~{estimate.InputTokens:N0} tokens in / {estimate.OutputTokens:N0} out, est. {EstimateText(route, estimate)}");
        }

        if (setup.Parameters.Shard is { } shard)
        {
            console.MarkupLineInterpolated(
                $"Shard {shard}: this run asks the keys of part {shard.Index} of {shard.Count} (split by a hash of model, prompt and sample); join the {shard.Count} run folders with sycobench merge.");
        }

        var total = estimates.Sum(e => e.Requests);
        var priced = estimates.Where(e => e.CostUsd is not null).ToArray();
        var cost = priced.Length == 0 ? "unknown (no price for any model)"
            : RunSetup.Money(priced.Sum(e => e.CostUsd!.Value))
              + (priced.Length < estimates.Count ? $" for the models with a price; {estimates.Count - priced.Length} model(s) unknown" : "");
        var limit = settings.MaxCost is { } max ? $"; stops before a request could take spending past {RunSetup.Money(max)}" : "";
        var how = batch ? " through the Batch API, at the batch price (cache hits are not sent)" : "";
        console.MarkupLineInterpolated($"{total:N0} request(s) to send{how}; estimated cost {cost}{limit}.");
        var recorded = settings.Resume is not null && settings.Cache is null && !settings.NoCache ? " (as the run recorded)" : "";
        console.MarkupLineInterpolated(
            $"Response cache: {(setup.Cache.Enabled ? environment.Display(setup.Cache.Path!) : "off")}{recorded}.");
        var basis = estimates.Select(e => e.AnswerBasis).Distinct().ToArray();
        var counting = setup.Routes.Select(r => PromptTokenCounter.Describe(r.ModelName)).Distinct().ToArray();
        console.MarkupLineInterpolated(
            $"Estimate: prompt tokens by {string.Join("; ", counting)}; {string.Join("; ", basis)}; prices from {PriceOrigins(setup)}.");
        return estimates;
    }

    private static string EstimateText(ModelRoute route, CostEstimate estimate) =>
        estimate.CostUsd is not null ? RunSetup.Money(estimate.CostUsd) + (route.Price?.Source == PriceQuote.Table ? "" : " (roster price)")
        : route.ReportsCost ? "unknown (no price; the provider reports each call's cost)"
        : "unknown (no price in the roster or data/prices.json)";

    private static string PriceOrigins(RunSetup setup)
    {
        var table = setup.Routes.Any(r => r.Price?.Source == PriceQuote.Table) && setup.PricesReadOn is { Length: > 0 } date
            ? $"data/prices.json read on {date}" : null;
        var roster = setup.Routes.Any(r => r.Price?.Source == PriceQuote.Roster) ? "the roster" : null;
        return string.Join(" and ", new[] { roster, table }.Where(x => x is not null)) is { Length: > 0 } text ? text : "nowhere (no price known)";
    }
}
