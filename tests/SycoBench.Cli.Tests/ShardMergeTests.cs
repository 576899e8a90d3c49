using System.Text.Json;
using SycoBench.Running;

namespace SycoBench.Cli.Tests;

/// <summary><c>run --shard I/N</c> and <c>merge</c> against the simulator: three shards merged hold exactly the unsharded run's keys.</summary>
public sealed class ShardMergeTests
{
    private static readonly string[] Run = ["run", "--model", "sim/balanced", "--model", "sim/sycophant@0.6", "--limit", "12", "--samples", "2", "--no-cache"];

    [Fact]
    public async Task Three_shards_merged_hold_exactly_the_keys_of_the_unsharded_run()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        var variables = Sim.Variables(sim);

        var whole = await CliRun.InProcessAsync(cwd.Path, variables, default, [.. Run, "--out", "whole"]);
        var parts = new List<CliResult>();
        for (var i = 1; i <= 3; i++)
            parts.Add(await CliRun.InProcessAsync(cwd.Path, variables, default, [.. Run, "--shard", $"{i}/3", "--out", $"part-{i}"]));
        var merged = await CliRun.InProcessAsync(cwd.Path, "merge", "part-1", "part-2", "part-3", "--out", "all");

        Assert.True(whole.ExitCode == 0, whole.Output + whole.Error);
        Assert.All(parts, p => Assert.True(p.ExitCode == 0, p.Output + p.Error));
        Assert.Contains("Shard 2/3: this run asks the keys of part 2 of 3", parts[1].Output, StringComparison.Ordinal);
        var partKeys = Enumerable.Range(1, 3).Select(i => Keys(cwd.File($"part-{i}/run.jsonl"))).ToArray();
        Assert.All(partKeys, keys => Assert.InRange(keys.Count, 4, 28));
        Assert.Equal(48, partKeys.Sum(k => k.Count));
        Assert.Equal(48, partKeys.SelectMany(k => k).Distinct().Count());
        Assert.True(merged.ExitCode == 0, merged.Output + merged.Error);
        Assert.Contains("Merged 3 run folders (shards 1/3, 2/3, 3/3) into all: 48 records in run.jsonl.", merged.Output, StringComparison.Ordinal);
        Assert.Equal(Keys(cwd.File("whole/run.jsonl")).Order(), Keys(cwd.File("all/run.jsonl")).Order());
        // The same answers too: the simulator answers a key the same way whichever job asks it.
        Assert.Equal(Answers(cwd.File("whole/run.jsonl")), Answers(cwd.File("all/run.jsonl")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(cwd.File("all/run_grid.json")));
        Assert.False(manifest.RootElement.GetProperty("parameters").TryGetProperty("shard", out _));
        using var partManifest = JsonDocument.Parse(File.ReadAllText(cwd.File("part-2/run_grid.json")));
        Assert.Equal(2, partManifest.RootElement.GetProperty("parameters").GetProperty("shard").GetProperty("index").GetInt32());

        // The merged folder is a whole run: resuming it finds nothing left to ask.
        var before = sim.Stats.Requests;
        var resumed = await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--resume", "all");
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.Equal(before, sim.Stats.Requests);
    }

    [Fact]
    public async Task Records_whose_key_is_not_the_run_s_are_left_out_of_the_merge_and_named_by_file_and_line()
    {
        // A line of another model, a prompt the grid does not have, a sample the run never asked: the merged run's own
        // run_grid.json says it did not ask them, so they are named and left out, never merged in silently.
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        var variables = Sim.Variables(sim);
        await CliRun.InProcessAsync(cwd.Path, variables, default, [.. Run, "--shard", "1/2", "--out", "a"]);
        await CliRun.InProcessAsync(cwd.Path, variables, default, [.. Run, "--shard", "2/2", "--out", "b"]);
        var own = File.ReadAllLines(cwd.File("b/run.jsonl"));
        var line = JsonNodeOf(own[0]);
        File.AppendAllLines(cwd.File("b/run.jsonl"),
        [
            With(line, "model_id", "sim/other"),
            With(line, "prompt_id", "999"),
            With(line, "sample", 7),
        ]);

        var merged = await CliRun.InProcessAsync(cwd.Path, "merge", "a", "b", "--out", "all");

        Assert.True(merged.ExitCode == 0, merged.Output + merged.Error);
        Assert.Contains("Merged 2 run folders (shards 1/2, 2/2) into all: 48 records in run.jsonl.", merged.Output, StringComparison.Ordinal);
        var path = cwd.File("b/run.jsonl");
        Assert.Contains($"{path}:{own.Length + 1}: model 'sim/other', prompt '", merged.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}:{own.Length + 2}: model '", merged.Error, StringComparison.Ordinal);
        Assert.Contains("prompt '999'", merged.Error, StringComparison.Ordinal);
        Assert.Contains($"{path}:{own.Length + 3}: model '", merged.Error, StringComparison.Ordinal);
        Assert.Contains("sample 7 is not a key of this run", merged.Error, StringComparison.Ordinal);
        Assert.Equal(3, merged.Error.Split("left out of the merge").Length - 1);
        Assert.DoesNotContain(File.ReadLines(cwd.File("all/run.jsonl")), l => l.Contains("sim/other", StringComparison.Ordinal) || l.Contains("\"999\"", StringComparison.Ordinal));
    }

    private static System.Text.Json.Nodes.JsonObject JsonNodeOf(string line) => System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();

    private static string With(System.Text.Json.Nodes.JsonObject line, string field, System.Text.Json.Nodes.JsonNode value)
    {
        var copy = line.DeepClone().AsObject();
        copy[field] = value;
        return copy.ToJsonString();
    }

    [Fact]
    public async Task Merge_refuses_an_output_that_is_an_input_different_runs_and_reports_missing_shards()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        var variables = Sim.Variables(sim);
        await CliRun.InProcessAsync(cwd.Path, variables, default, [.. Run, "--shard", "1/3", "--out", "a"]);
        await CliRun.InProcessAsync(cwd.Path, variables, default, [.. Run, "--shard", "2/3", "--out", "b"]);
        await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/balanced", "--limit", "12", "--samples", "3", "--no-cache", "--shard", "3/3", "--out", "c");
        var aRecords = File.ReadAllText(cwd.File("a/run.jsonl"));

        var intoInput = await CliRun.InProcessAsync(cwd.Path, "merge", "a", "b", "--out", "a");
        var insideInput = await CliRun.InProcessAsync(cwd.Path, "merge", "a", "b", "--out", "b/merged");
        var different = await CliRun.InProcessAsync(cwd.Path, "merge", "a", "c", "--out", "x");
        var partial = await CliRun.InProcessAsync(cwd.Path, "merge", "a", "b", "--out", "ab");
        var badShard = await CliRun.InProcessAsync(cwd.Path, variables, default, [.. Run, "--shard", "4/3", "--out", "d"]);
        var unknown = await CliRun.InProcessAsync(cwd.Path, "merge", "a", "b", "--out", "y", "--lates");
        var twice = await CliRun.InProcessAsync(cwd.Path, "merge", "a", "a/", "--out", "z");
        Directory.CreateDirectory(cwd.File("full"));
        File.WriteAllText(cwd.File("full/notes.txt"), "mine");
        var notEmpty = await CliRun.InProcessAsync(cwd.Path, "merge", "a", "b", "--out", "full");

        Assert.Equal(SycoBenchCli.ExitUsage, intoInput.ExitCode);
        Assert.Contains("is also the input", intoInput.Error, StringComparison.Ordinal);
        Assert.Equal(aRecords, File.ReadAllText(cwd.File("a/run.jsonl")));
        // Every problem of the folders named is a command-line error, refused before any folder is read.
        Assert.Equal(SycoBenchCli.ExitUsage, insideInput.ExitCode);
        Assert.Contains("choose an --out outside every input", insideInput.Error, StringComparison.Ordinal);
        Assert.Equal(SycoBenchCli.ExitUsage, twice.ExitCode);
        Assert.Contains("is given twice", twice.Error, StringComparison.Ordinal);
        Assert.Equal(SycoBenchCli.ExitUsage, notEmpty.ExitCode);
        Assert.Contains("is not empty; merge writes a new run folder", notEmpty.Error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(cwd.File("full/notes.txt")));
        Assert.False(Directory.Exists(cwd.File("b/merged")));
        Assert.Equal(SycoBenchCli.ExitFailure, different.ExitCode);
        Assert.Contains("its models differ from", different.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cwd.File("x")));
        Assert.Equal(SycoBenchCli.ExitIncomplete, partial.ExitCode);
        Assert.Contains("shards 3/3 are not among the inputs", partial.Error, StringComparison.Ordinal);
        Assert.Contains("have no record; ask them with: sycobench run --resume ab", partial.Error, StringComparison.Ordinal);
        Assert.Equal(SycoBenchCli.ExitUsage, badShard.ExitCode);
        Assert.Contains("--shard must be I/N", badShard.Error, StringComparison.Ordinal);
        Assert.Equal(SycoBenchCli.ExitUsage, unknown.ExitCode);
        Assert.Contains("--lates", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_falls_in_exactly_one_part_and_the_split_is_pinned()
    {
        var keys = Enumerable.Range(0, 600).Select(i => new RunKey($"m/{i % 3}", (i / 3).ToString("000", System.Globalization.CultureInfo.InvariantCulture), i % 2)).ToArray();
        var shards = Enumerable.Range(1, 4).Select(i => new RunShard(i, 4)).ToArray();

        Assert.All(keys, key => Assert.Single(shards, s => s.Contains(key)));
        Assert.All(shards, s => Assert.InRange(keys.Count(s.Contains), 110, 190));
        Assert.Equal([3, 1, 2, 3], new[] { new RunKey("groq/llama-3.3-70b-versatile", "000", 0), new RunKey("groq/llama-3.3-70b-versatile", "001", 0), new RunKey("sim/balanced", "000", 1), new RunKey("sim/balanced", "107", 2) }.Select(k => RunShard.PartOf(k, 4)));
        Assert.Null(RunShard.TryParse("0/3", out var problem));
        Assert.Contains("1 ≤ I ≤ N", problem, StringComparison.Ordinal);
        Assert.Equal(new RunShard(3, 3), RunShard.TryParse("3/3", out _));
    }

    private static List<string> Keys(string path) =>
        Sim.Records(path).Select(r => $"{r.ModelId}|{r.PromptId}|{r.SampleIndex}").ToList();

    private static Dictionary<string, string?> Answers(string path) =>
        Sim.Records(path).ToDictionary(r => $"{r.ModelId}|{r.PromptId}|{r.SampleIndex}", r => r.ResponseText);
}
