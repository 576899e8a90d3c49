using SycoBench.Reporting.Aggregation;

namespace SycoBench.Reporting.Spending;

/// <summary>The cost section of a report from the counts of a run: each model's answers, each judge's verdicts, the totals.</summary>
internal static class SpendingCalculator
{
    public static SpendingReport Calculate(IReadOnlyList<ModelAccumulator> models, SpendingBook judges, string? pricesReadOn)
    {
        var modelTallies = models.Select(m => (m.ModelId, Tally: m.AnswerSpending())).ToArray();
        var modelsTotal = new SpendingTally();
        foreach (var (_, tally) in modelTallies)
            modelsTotal.Merge(tally);
        var judgesTotal = new SpendingTally();
        foreach (var tally in judges.Judges.Values)
            judgesTotal.Merge(tally);
        var modelLines = modelTallies.Select(m => m.Tally.ToLine(m.ModelId)).ToArray();
        var judgeLines = judges.Lines();

        var notes = new List<string>();
        var notRecorded = modelLines.Sum(l => l.Sources.Where(s => s.Key == SpendingTally.NotRecorded).Sum(s => s.Value));
        if (notRecorded > 0)
        {
            notes.Add(Words.Count(notRecorded, "answer") + " of the scored file do not say where their cost came from (no cost_source): "
                + "scored before the scorer carried each answer's tokens and cost over, or written by another tool; run.jsonl of the run has them");
        }

        if (modelsTotal.Cached + judgesTotal.Cached > 0)
            notes.Add("cached answers and verdicts cost nothing this time (they were paid for when first asked) and are not in the cost");
        if (modelsTotal.Unknown + judgesTotal.Unknown > 0)
            notes.Add("a cost marked ≥ leaves out the calls of unknown cost (no price and no provider-reported cost): the true cost is higher");
        if (pricesReadOn is null && modelLines.Concat(judgeLines).Any(l => l.Sources.Any(s => s.Key == Costs.CostSource.Table)))
            notes.Add("the run does not record the price table's date (no run_grid.json beside the input, or one written before prices were kept)");
        return new SpendingReport(modelLines, modelsTotal.ToLine("all models"), judgeLines, judgesTotal.ToLine("all judges"), pricesReadOn, notes);
    }
}
