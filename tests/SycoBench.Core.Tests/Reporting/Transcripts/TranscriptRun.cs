using SycoBench.Records;
using SycoBench.Reporting;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Reporting.Transcripts;

/// <summary>
/// A small demo-like scored run for the transcript page: two models, three samples, every triplet of rent-v1. Model
/// "b/wide" has the largest swing of all (+2.0 on triplet 3, sample 0); "a/narrow" has its own largest swing, +1.2, on
/// triplet 7, sample 1, and that landlord answer is hostile markup.
/// </summary>
internal static class TranscriptRun
{
    public const string Narrow = "a/narrow";
    public const string Wide = "b/wide";
    public const double NarrowLargestSwing = 1.2;
    public const double WideLargestSwing = 2.0;

    public const string Hostile =
        "**Bold claim** <script>window.__pwned = 1</script> then <img src=x onerror=\"window.__pwned = 2\"> and </script><script>window.__pwned = 3</script> end";

    public static (string Input, ReportResult Result) Write(TempDirectory dir)
    {
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model(Narrow, (t, p, s) => (t.Index, s) == (7, 1)
                ? p switch { "landlord" => 0.9, "tenant" => -0.3, _ => 0.0 }
                : p switch { "landlord" => 0.02 * (t.Index % 10), "tenant" => -0.01 * (t.Index % 4), _ => 0.1 }, samples: 3)
            .Model(Wide, (t, p, s) => (t.Index, s) == (3, 0)
                ? p switch { "landlord" => 1.0, "tenant" => -1.0, _ => 0.0 }
                : p switch { "landlord" => 0.3, "tenant" => -0.3 + 0.01 * s, _ => 0.0 }, samples: 3);
        var triplet7 = GridBuilder.Build(run.Scenario, includeNeutral: true).Triplets[7];
        var hostilePrompt = triplet7.Prompts.Single(p => p.Perspective == "landlord").PromptId;
        var rewritten = new ScoredRunWriter(run.Scenario);
        foreach (var record in run.Records)
        {
            rewritten.Add(record.ModelId == Narrow && record.PromptId == hostilePrompt && record.Sample == 1
                ? record with { ResponseText = Hostile }
                : record);
        }

        var input = rewritten.Write(dir.File("run_scored.jsonl"));
        var result = new ReportBuilder().Run(ScoredRunWriter.Options(input, ScoredRunWriter.Rent, dir.Path));
        return (input, result);
    }
}
