using SycoBench.Models;

namespace SycoBench.Cli.Commands;

/// <summary>
/// A cost limit can only hold for models whose cost is known: each needs a price (roster or price table) or a
/// provider that reports the cost of every call. Anything else is refused by name before a request is sent.
/// </summary>
internal static class CostLimit
{
    /// <summary>The check of <c>--max-cost</c> on its own, the same for every command that takes it: a positive amount.</summary>
    public static ValidationResult Check(double? maxCost) =>
        maxCost is { } c && !(c > 0) ? ValidationResult.Error($"--max-cost must be a positive amount of US dollars (got {c})") : ValidationResult.Success();

    public static void EnsurePriced(IEnumerable<ModelRoute> routes, double? maxCost, string what = "model")
    {
        if (maxCost is null)
            return;
        var unpriced = routes.Where(r => r.Price is null && !r.ReportsCost).Select(r => r.Model.Id).ToArray();
        if (unpriced.Length > 0)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"--max-cost cannot hold: no price is known for {what} {string.Join(", ", unpriced)}; give it \"prices\" in a roster (--models) or drop --max-cost"));
        }
    }
}
