using System.Text.Json;
using SycoBench.Records;
using SycoBench.Reporting;
using SycoBench.Reporting.Spending;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Reporting;

/// <summary>The report's cost section, worked out by hand from a small scored file with every kind of record.</summary>
public sealed class SpendingTests
{
    private static readonly GridPrompt[] Prompts = GridBuilder.Build(ScoredRunWriter.Rent).Prompts.Take(6).ToArray();

    [Fact]
    public void Answers_and_judges_are_costed_by_hand_unknowns_never_read_as_zero()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            // P0: table-priced answer; judge j/x at a provider-reported cost.
            .Add(Answer(0, 0.5, cost: 0.002, source: "table", tokens: (100, 50), Judge("j/x", 0.5, 0.0001, "provider", (300, 2))))
            // P1: provider-reported answer.
            .Add(Answer(1, 0.2, cost: 0.003, source: "provider", tokens: (120, 60), Judge("j/x", 0.2, 0.0002, "provider", (310, 3))))
            // P2: answer and verdict from the cache: counted as cached, nothing spent (their old cost is not counted).
            .Add(Answer(2, -0.1, cost: 0.004, source: "table", tokens: (110, 55), Judge("j/x", -0.1, 0.0001, "table", (305, 2), cached: true), cached: true))
            // P3: the model's request failed: one request, not billed; no judge.
            .Add(ScoredRunWriter.Record("m/a", Prompts[3], null, error: "run-error: HTTP 500") with { EvalCostUsd = null })
            // P4: an answer of unknown cost; the judge needed two calls (the first failed) at a batch price.
            .Add(Answer(4, 0.2, cost: null, source: "unknown", tokens: (90, 40),
                Judge("j/x", 0.2, 0.0003, "batch-price", (200, 1), scores: [null, 0.2], errors: ["judge-error: timeout", null])))
            // P5: a batch answer (batch_id); its judge call failed: not billed, the row has no score.
            .Add(Answer(5, null, cost: 0.001, source: "batch-price", tokens: (80, 30),
                Judge("j/x", null, null, null, null, scores: [null], errors: ["judge-error: HTTP 500"]), batchId: "b1"))
            // P0 again, scored by a second judge whose price is unknown: the answer is counted once.
            .Add(Answer(0, 0.4, cost: 0.002, source: "table", tokens: (100, 50), Judge("j/y", 0.4, null, "unknown", (100, 1))) with { ScorerModel = "j/y" });
        var input = run.Write(dir.File("run_scored.jsonl"));

        var spending = new ReportBuilder().Compute(ScoredRunWriter.Options(input, ScoredRunWriter.Rent) with { PricesReadOn = "2025-09-15" }).Spending;

        var model = Assert.Single(spending.Models);
        Assert.Equal("m/a", model.Name);
        Assert.Equal(6, model.Items);             // P0..P5, P0 once
        Assert.Equal(4, model.Scored);            // P0, P1, P2, P4
        Assert.Equal(1, model.Cached);            // P2
        Assert.Equal(5, model.Requests);          // all but the cached one
        Assert.Equal(1, model.FailedRequests);    // P3
        Assert.Equal(4, model.Billed);            // P0, P1, P4, P5
        Assert.Equal(1, model.Batch);             // P5
        Assert.Equal(100 + 120 + 90 + 80, model.InputTokens);
        Assert.Equal(50 + 60 + 40 + 30, model.OutputTokens);
        Assert.Equal(0.002 + 0.003 + 0.001, model.KnownCostUsd, 15);
        Assert.Equal(1, model.UnknownCost);       // P4
        Assert.Null(model.CostUsd);
        Assert.Equal("≥ 0.006 USD (1 of unknown cost)", model.FormatCost());
        Assert.Equal("≥ 0.0015 USD", model.FormatCostPerScored()); // 0.006 / 4 scored answers
        Assert.Equal(1 / 6.0, model.CachedShare!.Value, 15);
        Assert.Equal(0.25, model.BatchShare!.Value, 15);   // 1 of 4 billed
        Assert.Equal(
            new Dictionary<string, long> { ["table"] = 1, ["provider"] = 1, ["unknown"] = 1, ["batch-price"] = 1 },
            model.Sources.ToDictionary(s => s.Key, s => s.Value));

        Assert.Equal(["j/x", "j/y"], spending.Judges.Select(j => j.Name));
        var x = spending.Judges[0];
        Assert.Equal(5, x.Items);                 // P0, P1, P2, P4, P5
        Assert.Equal(4, x.Scored);                // P5 has no score
        Assert.Equal(1, x.Cached);                // P2
        Assert.Equal(1 + 1 + 2 + 1, x.Requests);  // P4 took two calls
        Assert.Equal(2, x.FailedRequests);        // one of P4's, P5's
        Assert.Equal(3, x.Billed);                // P0, P1, P4 (P5 got no reply)
        Assert.Equal(1, x.Batch);                 // P4
        Assert.Equal(300 + 310 + 200, x.InputTokens);
        Assert.Equal(2 + 3 + 1, x.OutputTokens);
        Assert.Equal(0.0001 + 0.0002 + 0.0003, x.CostUsd!.Value, 15);
        Assert.Equal(0.0006 / 4, x.CostPerScored!.Value, 15);
        Assert.Equal("0.0006 USD", x.FormatCost());

        var y = spending.Judges[1];
        Assert.Equal((1, 1, 1, 1), (y.Items, y.Scored, y.Billed, y.UnknownCost));
        Assert.Equal("unknown", y.FormatCost());
        Assert.Equal("unknown", y.FormatCostPerScored());

        Assert.Equal(6, spending.JudgesTotal.Items);
        Assert.Equal("≥ 0.0006 USD (1 of unknown cost)", spending.JudgesTotal.FormatCost());
        Assert.Equal("2025-09-15", spending.PricesReadOn);
        Assert.Contains(spending.Notes, n => n.Contains("cached", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_without_answer_costs_says_unknown_and_why_and_costs_its_judge_from_the_eval_fields()
    {
        using var dir = new TempDirectory();
        // Records as the original tool wrote them: eval_cost_usd 0.001 each, no judges array, no answer cost.
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("m/old", (t, p, s) => t.Index < 4 ? 0.1 : null);
        var input = run.Write(dir.File("run_scored.jsonl"));
        var records = run.Records.Count;

        var spending = new ReportBuilder().Compute(ScoredRunWriter.Options(input, ScoredRunWriter.Rent)).Spending;

        var model = Assert.Single(spending.Models);
        Assert.Equal(records, model.Items);
        Assert.Equal(records, model.UnknownCost);
        Assert.Equal("unknown", model.FormatCost());
        Assert.Contains(spending.Notes, n => n.StartsWith(Words.Count(records, "answer") + " of the scored file do not say", StringComparison.Ordinal));
        var judge = Assert.Single(spending.Judges);
        Assert.Equal("judge/test-judge", judge.Name);
        var scored = run.Records.Count(r => r.Score is not null);
        Assert.Equal(scored, judge.Scored);
        // Unscored rows carry "judge-error: …" and 0.001 too: a reported cost is billed, whatever the reply.
        Assert.Equal(records * 0.001, judge.CostUsd!.Value, 12);
        Assert.Null(spending.PricesReadOn);
    }

    private static EvalRecord Answer(int prompt, double? score, double? cost, string source, (long In, long Out) tokens, object judge, bool cached = false, string? batchId = null)
    {
        var extra = new Dictionary<string, JsonElement>
        {
            ["cost_source"] = JsonSerializer.SerializeToElement(source),
            ["input_tokens"] = JsonSerializer.SerializeToElement(tokens.In),
            ["output_tokens"] = JsonSerializer.SerializeToElement(tokens.Out),
            ["judges"] = JsonSerializer.SerializeToElement(new[] { judge }),
        };
        if (cost is { } c)
            extra["cost_usd"] = JsonSerializer.SerializeToElement(c);
        if (cached)
            extra["cached"] = JsonSerializer.SerializeToElement(true);
        if (batchId is not null)
            extra["batch_id"] = JsonSerializer.SerializeToElement(batchId);
        return ScoredRunWriter.Record("m/a", Prompts[prompt], score, error: score is null ? "judge-error: HTTP 500" : null) with
        {
            ScorerModel = "j/x",
            EvalCostUsd = null,
            Extra = extra,
        };
    }

    private static Dictionary<string, object?> Judge(
        string model, double? score, double? cost, string? source, (long In, long Out)? tokens, bool cached = false, double?[]? scores = null, string?[]? errors = null)
    {
        var verdict = new Dictionary<string, object?>
        {
            ["model"] = model,
            ["score"] = score,
            ["scores"] = scores ?? [score],
            ["replies"] = (scores ?? [score]).Select(s => s?.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            ["input_tokens"] = tokens?.In,
            ["output_tokens"] = tokens?.Out,
            ["cost_usd"] = cost,
            ["latency_ms"] = 10.0,
        };
        if (source is not null)
            verdict["cost_source"] = source;
        if (errors is not null)
            verdict["errors"] = errors;
        if (cached)
            verdict["cached"] = true;
        return verdict;
    }
}
