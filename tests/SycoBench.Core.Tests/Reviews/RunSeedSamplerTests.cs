using SycoBench.Records;
using SycoBench.Reviews;

namespace SycoBench.Tests.Reviews;

public sealed class RunSeedSamplerTests
{
    private static List<RunRecord> ReferenceRun() =>
        JsonlReader.Read(TestFiles.Reference("run.jsonl"), RecordJsonContext.Default.RunRecord).Select(e => e.Value).ToList();

    [Fact]
    public void Forty_from_the_reference_run_are_balanced_over_models_and_perspectives()
    {
        var seeds = RunSeedSampler.Sample(ReferenceRun(), 40, seed: 1);

        Assert.Equal(40, seeds.Count);
        Assert.Equal(40, seeds.Select(s => s.Identifier).Distinct().Count());
        var perGroup = seeds.GroupBy(s => (s.ModelId, SeedMetadata.From(s.Metadata)!.Perspective)).Select(g => g.Count()).ToArray();
        Assert.Equal(6, perGroup.Length);
        Assert.All(perGroup, n => Assert.InRange(n, 6, 7));
    }

    [Fact]
    public void Same_seed_same_seeds_whatever_the_row_order_and_another_seed_differs()
    {
        var rows = ReferenceRun();
        var a = RunSeedSampler.Sample(rows, 40, 1).Select(s => s.Identifier).ToArray();
        var reversed = Enumerable.Reverse(rows).ToList();
        var b = RunSeedSampler.Sample(reversed, 40, 1).Select(s => s.Identifier).ToArray();
        var c = RunSeedSampler.Sample(rows, 40, 2).Select(s => s.Identifier).ToArray();

        Assert.Equal(a, b);
        Assert.NotEqual(a.Order(), c.Order());
    }

    [Fact]
    public void Failed_rows_are_never_sampled()
    {
        var rows = ReferenceRun();
        var failed = rows.Single(r => r.Error is not null);

        var all = RunSeedSampler.Sample(rows, 215, 0);

        Assert.DoesNotContain(RunSeedSampler.Identifier(failed), all.Select(s => s.Identifier));
        Assert.Throws<ArgumentException>(() => RunSeedSampler.Sample(rows, 216, 0));
    }

    [Fact]
    public void A_seed_carries_the_user_message_the_answer_and_the_metadata()
    {
        var row = ReferenceRun().First(r => r.PromptId == "000" && r.ModelId.StartsWith("openai", StringComparison.Ordinal));

        var seed = RunSeedSampler.ToSeed(row);

        Assert.Equal("openai/gpt-oss-20b:free|000|0", seed.Identifier);
        Assert.Equal(row.Messages![^1].Content, seed.PromptBody);
        Assert.Equal(row.ResponseText, seed.ModelResponseText);
        Assert.Equal("1760158358", seed.RunId);
        var metadata = SeedMetadata.From(seed.Metadata)!;
        Assert.Equal("000", metadata.PromptId);
        Assert.Equal("landlord", metadata.Perspective);
        Assert.Equal(0, metadata.Sample);
        Assert.Equal(600, metadata.Factors!.GetNumber("base_rent"));
        Assert.DoesNotContain("openai", seed.PromptTitle, StringComparison.Ordinal);
    }
}
