using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SycoBench.Reporting;
using SycoBench.Reporting.Aggregation;
using SycoBench.Reporting.Output;
using SycoBench.Reporting.Summary;

namespace SycoBench.Tests.Reporting;

public sealed class ReferenceRunTests
{
    [Fact]
    public void Summary_of_the_published_run_equals_the_published_csv_byte_for_byte()
    {
        using var dir = new TempDirectory();
        var options = ScoredRunWriter.Options(TestFiles.Reference("run_scored.jsonl"), ScoredRunWriter.Rent, dir.Path);

        var result = new ReportBuilder().Run(options);

        Assert.Equal(dir.File("run_scored.csv"), result.SummaryPath);
        Assert.Equal(File.ReadAllBytes(TestFiles.Reference("run_scored.csv")), File.ReadAllBytes(result.SummaryPath));
    }

    [Fact]
    public void Summary_writer_for_the_score_command_gives_the_same_file()
    {
        using var dir = new TempDirectory();

        var rows = SummaryWriter.Write(TestFiles.Reference("run_scored.jsonl"), dir.File("summary.csv"), ScoredRunWriter.Rent);

        Assert.Equal(2, rows.Count);
        Assert.Equal(File.ReadAllBytes(TestFiles.Reference("run_scored.csv")), File.ReadAllBytes(dir.File("summary.csv")));
    }

    [Fact]
    public void Paired_statistics_of_the_published_run_match_a_direct_computation()
    {
        // Per statistic: SI over the 36 triplets with both sides even where a neutral answer failed.
        var report = new ReportBuilder().Compute(ScoredRunWriter.Options(TestFiles.Reference("run_scored.jsonl"), ScoredRunWriter.Rent) with { MissingData = MissingData.PerStatistic });

        // Direct computation: triplet k holds prompts 3k, 3k+1, 3k+2 (landlord, tenant, neutral); one sample each.
        var rows = File.ReadLines(TestFiles.Reference("run_scored.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("score").ValueKind == JsonValueKind.Number)
            .Select(r => (Model: r.GetProperty("model_id").GetString()!, K: int.Parse(r.GetProperty("prompt_id").GetString()!, System.Globalization.CultureInfo.InvariantCulture) / 3,
                Perspective: r.GetProperty("perspective").GetString()!, Score: r.GetProperty("score").GetDouble()))
            .ToArray();
        foreach (var model in report.Models)
        {
            double ScoreOf(int k, string perspective) => rows.Single(r => r.Model == model.ModelId && r.K == k && r.Perspective == perspective).Score;
            var deltas = Enumerable.Range(0, 36).Select(k => (ScoreOf(k, "landlord") - ScoreOf(k, "tenant")) / 2).ToArray();
            var withNeutral = Enumerable.Range(0, 36).Where(k => rows.Any(r => r.Model == model.ModelId && r.K == k && r.Perspective == "neutral")).ToArray();

            Assert.Equal(36, model.SycophancyIndex.Scenarios);
            Assert.Equal(deltas.Average(), model.SycophancyIndex.Value!.Value, 12);
            Assert.Equal(withNeutral.Average(k => ScoreOf(k, "landlord") - ScoreOf(k, "neutral")), model.PullPositive.Value!.Value, 12);
            Assert.Equal(withNeutral.Average(k => ScoreOf(k, "neutral") - ScoreOf(k, "tenant")), model.PullNegative.Value!.Value, 12);
            var sd = Math.Sqrt(deltas.Sum(d => (d - deltas.Average()) * (d - deltas.Average())) / 35);
            Assert.Equal(deltas.Average() / sd, model.EffectSize.Value!.Value, 10);
            Assert.InRange(model.SycophancyIndex.Value!.Value, model.SycophancyIndex.Low!.Value, model.SycophancyIndex.High!.Value);
            Assert.Equal(36, model.ByFactor.Where(f => f.Factor == "amount").Sum(f => f.SycophancyIndex.Scenarios));
        }

        var gpt = report.Models.Single(m => m.ModelId == "openai/gpt-oss-20b:free");
        Assert.Equal(35, gpt.PullPositive.Scenarios);
        Assert.Equal(1, gpt.Perspectives.Single(p => p.Name == "neutral").RunFailed);
        Assert.Single(report.Comparisons);
    }

    [Fact]
    public void Same_seed_same_numbers_other_seed_other_intervals()
    {
        var options = ScoredRunWriter.Options(TestFiles.Reference("run_scored.jsonl"), ScoredRunWriter.Rent);
        var a = new ReportBuilder().Compute(options);
        var b = new ReportBuilder().Compute(options);
        var c = new ReportBuilder().Compute(options with { Seed = 99 });

        Assert.Equal(a.Models[0].SycophancyIndex, b.Models[0].SycophancyIndex);
        Assert.Equal(a.Models[0].EffectSize, b.Models[0].EffectSize);
        // SI's t interval does not resample; d_z's percentile bootstrap does, and the seed picks its resamples.
        Assert.Equal(a.Models[0].SycophancyIndex, c.Models[0].SycophancyIndex);
        Assert.Equal(a.Models[0].EffectSize.Value, c.Models[0].EffectSize.Value);
        Assert.NotEqual(a.Models[0].EffectSize.Low, c.Models[0].EffectSize.Low);
    }

    [Fact]
    public void Small_chunks_and_several_threads_give_exactly_the_same_report()
    {
        var options = ScoredRunWriter.Options(TestFiles.Reference("run_scored.jsonl"), ScoredRunWriter.Rent);
        var whole = new ReportBuilder().Compute(options with { Workers = 1 });

        foreach (var chunk in new[] { 16, 1000, 7777 })
        {
            var split = new ReportBuilder().Compute(options with { Workers = 3, ChunkSize = chunk });
            Assert.Equal(whole.Summary, split.Summary);
            Assert.Equal(
                whole.Models.Select(m => (m.SycophancyIndex, m.Baseline, m.EffectSize, m.Asymmetry, m.SycophancyP)),
                split.Models.Select(m => (m.SycophancyIndex, m.Baseline, m.EffectSize, m.Asymmetry, m.SycophancyP)));
            Assert.Equal(whole.Metadata.Records, split.Metadata.Records);
            Assert.Equal(whole.Metadata.Lines, split.Metadata.Lines);
            Assert.Equal(whole.Quality.ErrorExamples, split.Quality.ErrorExamples);
        }
    }

    [Fact]
    public void A_report_scenario_built_once_and_shared_by_threads_gives_the_same_report_and_must_be_of_the_options_scenario()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var options = ScoredRunWriter.Options(TestFiles.Reference("run_scored.jsonl"), ScoredRunWriter.Rent);
        var shared = new ReportScenario(options.Scenario);
        var expected = StatsJson(new ReportBuilder(time).Compute(options));

        var reports = new string[4];
        Parallel.For(0, reports.Length, i => reports[i] = StatsJson(new ReportBuilder(time).Compute(options, shared)));

        Assert.All(reports, r => Assert.Equal(expected, r));
        var other = new ReportScenario(ScoredRunWriter.Rent);
        Assert.Contains("another scenario", Assert.Throws<ArgumentException>(() => new ReportBuilder().Compute(options, other)).Message, StringComparison.Ordinal);
    }

    private static string StatsJson(Report report)
    {
        using var stream = new MemoryStream();
        new StatsJsonWriter().Write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Metadata_names_the_judge_the_dates_and_the_scenario_hash()
    {
        var report = new ReportBuilder(new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero))).Compute(ScoredRunWriter.Options(TestFiles.Reference("run_scored.jsonl"), ScoredRunWriter.Rent));
        var meta = report.Metadata;

        Assert.Equal("openai/gpt-oss-20b:free", Assert.Single(meta.Judges).Key);
        Assert.Equal("2025-10-11T04:52:38Z", meta.FirstRunTimestamp);
        Assert.Equal(ScoredRunWriter.Rent.Sha256, meta.ScenarioSha256);
        Assert.Equal(216, meta.Records);
        Assert.Equal("1760158358", Assert.Single(meta.RunIds).Key);
        Assert.Equal(0, meta.JudgeCostRecords);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), meta.GeneratedAt);
        Assert.Contains(report.Quality.Notes, n => n.StartsWith("one sample per prompt for every model", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Models.SelectMany(m => m.Notes), n => n.StartsWith("one sample", StringComparison.Ordinal));
    }
}
