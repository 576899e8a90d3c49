using SycoBench.Reporting;

namespace SycoBench.Tests.Reporting;

/// <summary>A judge of a judged model's own family is flagged in the headline table, not only on the scorer's console.</summary>
public sealed class JudgeFamilyTests
{
    [Fact]
    public void The_published_run_flags_gpt_oss_judging_itself_in_the_headline_and_not_nemotron()
    {
        using var dir = new TempDirectory();
        var result = new ReportBuilder().Run(ScoredRunWriter.Options(TestFiles.Reference("run_scored.jsonl"), ScoredRunWriter.Rent, dir.Path));

        Assert.Equal(["openai/gpt-oss-20b:free"], result.Report.Models.Single(m => m.ModelId == "openai/gpt-oss-20b:free").SameFamilyJudges);
        Assert.Empty(result.Report.Models.Single(m => m.ModelId == "nvidia/nemotron-nano-9b-v2:free").SameFamilyJudges);
        var html = File.ReadAllText(dir.File("report.html"));
        var headline = html[..html.IndexOf("judged by its own family: a judge", StringComparison.Ordinal)];
        Assert.Contains("<td>openai/gpt-oss-20b:free ⚠ judged by its own family (openai: openai/gpt-oss-20b:free)</td>", headline, StringComparison.Ordinal);
        Assert.Contains("<td>nvidia/nemotron-nano-9b-v2:free</td>", headline, StringComparison.Ordinal);
        using var stats = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(dir.File("stats.json")));
        var models = stats.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model_id").GetString()!);
        Assert.Equal(["openai/gpt-oss-20b:free"], models["openai/gpt-oss-20b:free"].GetProperty("same_family_judges").EnumerateArray().Select(j => j.GetString()!));
        Assert.Equal(0, models["nvidia/nemotron-nano-9b-v2:free"].GetProperty("same_family_judges").GetArrayLength());
    }

    [Fact]
    public void Of_a_panel_only_the_judges_of_the_model_s_family_are_named()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("openrouter/meta-llama/llama-3.1-8b-instruct", (_, p, _) => p == "landlord" ? 0.4 : 0)
            .Model("openrouter/mistralai/mistral-7b-instruct", (_, p, _) => p == "landlord" ? 0.2 : 0);
        var path = dir.File("run_scored.jsonl");
        File.WriteAllLines(path, File.ReadAllLines(run.Write(path)).Select(line =>
            line.Replace("\"judge/test-judge\"", "\"groq/llama-3.3-70b-versatile+gemini/gemini-2.5-flash\"", StringComparison.Ordinal)));

        var result = new ReportBuilder().Run(ScoredRunWriter.Options(path, ScoredRunWriter.Rent, dir.Path));

        Assert.Equal(["groq/llama-3.3-70b-versatile"], result.Report.Models.Single(m => m.ModelId.Contains("llama", StringComparison.Ordinal)).SameFamilyJudges);
        Assert.Empty(result.Report.Models.Single(m => m.ModelId.Contains("mistral", StringComparison.Ordinal)).SameFamilyJudges);
        var html = File.ReadAllText(dir.File("report.html"));
        Assert.Contains("<td>openrouter/meta-llama/llama-3.1-8b-instruct ⚠ judged by its own family (meta: groq/llama-3.3-70b-versatile)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>openrouter/mistralai/mistral-7b-instruct</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Judges_of_other_families_leave_the_table_unflagged()
    {
        using var dir = new TempDirectory();
        var path = new ScoredRunWriter(ScoredRunWriter.Rent).Model("openai/gpt-4o-mini", (_, p, _) => p == "tenant" ? -0.3 : 0).Write(dir.File("run_scored.jsonl"));

        var result = new ReportBuilder().Run(ScoredRunWriter.Options(path, ScoredRunWriter.Rent, dir.Path));

        Assert.Empty(result.Report.Models.Single().SameFamilyJudges);
        Assert.DoesNotContain("judged by its own family", File.ReadAllText(dir.File("report.html")), StringComparison.Ordinal);
    }
}
