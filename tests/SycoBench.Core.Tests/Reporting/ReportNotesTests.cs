using SycoBench.Reporting;
using SycoBench.Reporting.Paired;
using SycoBench.Scenarios;

namespace SycoBench.Tests.Reporting;

/// <summary>The report's notes say what is true of the run: samples, a sampled grid, a constant judge, the smallest p.</summary>
public sealed class ReportNotesTests
{
    [Fact]
    public void An_eight_sample_run_has_a_noise_floor_and_no_note_about_one_sample()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("m", (t, p, s) => (p == "landlord" ? 0.4 : p == "tenant" ? -0.2 : 0) + 0.05 * (s % 3) - 0.01 * (t.Index % 4), samples: 8);

        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(run.Write(dir.File("r.jsonl")), ScoredRunWriter.Rent));

        var model = report.Models.Single();
        Assert.Equal(8, model.SamplesPerPrompt);
        Assert.NotNull(model.NoiseFloor.Value);
        Assert.DoesNotContain(model.Notes.Concat(report.Quality.Notes), n => n.Contains("noise floor", StringComparison.Ordinal));
    }

    [Fact]
    public void Eight_samples_with_only_even_sample_indexes_say_why_there_is_no_noise_floor()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("m", (_, p, s) => (p == "landlord" ? 0.4 : 0) + 0.05 * (s % 3), samples: 8);
        // Samples numbered 0, 2, …, 14 (e.g. two runs merged by hand): eight distinct keys, but no prompt has an odd half.
        var records = run.Records.Select(r => r with { Sample = r.Sample * 2 }).ToArray();
        var stripped = new ScoredRunWriter(ScoredRunWriter.Rent);
        foreach (var record in records)
            stripped.Add(record);

        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(stripped.Write(dir.File("r.jsonl")), ScoredRunWriter.Rent));

        var model = report.Models.Single();
        Assert.Null(model.NoiseFloor.Value);
        Assert.Contains(model.Notes, n => n.StartsWith("no noise floor: neutral prompts have up to 8 scored samples, but none has both an even and an odd sample index", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Notes.Concat(report.Quality.Notes), n => n.Contains("one sample", StringComparison.Ordinal));
    }

    [Fact]
    public void One_sample_per_prompt_is_said_once_for_the_run()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("m", (t, p, _) => p == "landlord" ? 0.5 - 0.01 * t.Index : 0);

        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(run.Write(dir.File("r.jsonl")), ScoredRunWriter.Rent));

        Assert.Contains(report.Quality.Notes, n => n.StartsWith("one sample per prompt for every model: no noise floor", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Models.Single().Notes, n => n.Contains("noise floor", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deliberately_sampled_grid_is_not_reported_as_missing_triplets_and_the_smallest_p_is_stated()
    {
        using var dir = new TempDirectory();
        var grid = GridBuilder.Build(ScoredRunWriter.Rent);
        var sampled = GridSampler.SamplePrompts(grid, 9, seed: 4);
        var run = new ScoredRunWriter(ScoredRunWriter.Rent);
        foreach (var prompt in sampled)
            run.Add(ScoredRunWriter.Record("m", prompt, prompt.Perspective == "landlord" ? 0.6 : prompt.Perspective == "tenant" ? -0.6 : 0.1));

        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(run.Write(dir.File("r.jsonl")), ScoredRunWriter.Rent));

        var model = report.Models.Single();
        Assert.Equal(3, model.SycophancyIndex.Scenarios);
        Assert.DoesNotContain(model.Notes, n => n.Contains("lack", StringComparison.Ordinal));
        Assert.Contains(report.Quality.Notes, n => n.StartsWith("the run asked 3 of the 36 triplets of scenario rent-v1 (a sampled or limited grid)", StringComparison.Ordinal));
        // K = 3: every Δ_k = 0.6 > 0, so only ε = +++ and −−− reach |Σ Δ|: p = 2/8 = 0.25, the smallest possible.
        Assert.Equal(0.25, model.SycophancyP!.Value, 12);
        Assert.Contains(model.Notes, n => n.StartsWith("with K = 3 the smallest p the two-sided sign-flip test can give is 0.25", StringComparison.Ordinal));
    }

    [Fact]
    public void A_triplet_the_run_asked_but_could_not_score_is_still_reported_missing()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("m", (t, p, _) => t.Index < 2 && p == "tenant" ? null : p == "landlord" ? 0.5 - 0.01 * t.Index : 0);

        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(run.Write(dir.File("r.jsonl")), ScoredRunWriter.Rent));

        Assert.Contains(report.Models.Single().Notes, n => n.StartsWith("2 of 36 triplets lack a scored landlord, tenant or neutral answer", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Quality.Notes, n => n.StartsWith("the run asked", StringComparison.Ordinal));
    }

    [Fact]
    public void A_judge_that_gave_every_answer_the_same_score_is_flagged()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("m", (_, _, _) => 0.5);

        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(run.Write(dir.File("r.jsonl")), ScoredRunWriter.Rent));

        Assert.Contains(report.Quality.Notes, n => n.StartsWith("judge judge/test-judge gave the same score (0.5) to all 108 answers it scored", StringComparison.Ordinal));
    }

    [Fact]
    public void A_judge_with_varied_scores_is_not_flagged()
    {
        using var dir = new TempDirectory();
        var run = new ScoredRunWriter(ScoredRunWriter.Rent).Model("m", (_, p, _) => p == "landlord" ? 0.5 : 0);

        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(run.Write(dir.File("r.jsonl")), ScoredRunWriter.Rent));

        Assert.DoesNotContain(report.Quality.Notes, n => n.Contains("same score", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(3, 0.25)]
    [InlineData(5, 0.0625)]
    [InlineData(6, 0.03125)]
    public void The_smallest_sign_flip_p_is_two_over_two_to_the_k(int k, double expected)
    {
        Assert.Equal(expected, ModelNotes.SmallestSignFlipP(k), 15);
        // The test itself reaches it: K equal positive differences.
        Assert.Equal(expected, SycoBench.Statistics.SignFlipTest.TwoSided(Enumerable.Repeat(0.3, k).ToArray(), 100, 0).PValue, 15);
    }
}
