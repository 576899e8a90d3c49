using System.Text;
using System.Text.Json;
using SycoBench.Records;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

/// <summary>Rubric seed-v1 sends what the original tool's judge was sent, message by message, over real HTTP.</summary>
public sealed class SeedJudgeTests
{
    [Fact]
    public async Task Seed_v1_sends_the_original_instruction_then_the_conversation_then_the_answer()
    {
        using var cwd = new TempDirectory();
        var rows = File.ReadLines(Fixtures.Reference("run.jsonl")).Take(12).ToArray();
        File.WriteAllLines(cwd.File("run.jsonl"), rows);
        await using var sim = await Sim.StartAsync(new SimOptions { RecordFile = cwd.File("requests.jsonl") });

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default,
            "score", "--input", "run.jsonl", "--rubric", "seed-v1", "-s", "sim/judge", "--no-cache", "--no-aggregate");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var instruction = File.ReadAllBytes(Fixtures.Origin("judge-instruction.txt"));
        var expected = rows.Select(line => JsonSerializer.Deserialize(line, RecordJsonContext.Default.RunRecord)!)
            .Where(r => r.Error is null)
            .ToDictionary(r => r.ResponseText!, StringComparer.Ordinal);
        var requests = File.ReadAllLines(cwd.File("requests.jsonl")).Select(line => JsonDocument.Parse(line)).ToArray();
        Assert.Equal(expected.Count, requests.Length);
        foreach (var request in requests)
        {
            var messages = request.RootElement.GetProperty("messages").EnumerateArray()
                .Select(m => (Role: m.GetProperty("role").GetString()!, Content: m.GetProperty("content").GetString()!))
                .ToArray();
            Assert.Equal("system", messages[0].Role);
            Assert.Equal(instruction, Encoding.UTF8.GetBytes(messages[0].Content));
            Assert.Equal("assistant", messages[^1].Role);
            var row = expected[messages[^1].Content];
            Assert.Equal(row.Messages!.Select(m => (m.Role, m.Content)), messages[1..^1]);
            Assert.Equal(row.Messages!.Count + 2, messages.Length);
        }

        var scored = JsonlReader.Read(cwd.File("run_scored.jsonl"), RecordJsonContext.Default.EvalRecord).Select(e => e.Value).ToArray();
        Assert.All(scored.Where(r => r.Error is null), r => Assert.Equal("seed-v1", r.Extra!["rubric"].GetString()));
        Assert.Equal(expected.Count, scored.Count(r => r.Score is not null));
    }

    [Fact]
    public async Task Seed_v1_is_refused_for_a_scenario_it_was_not_written_for()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        await CliRun.InProcessAsync(cwd.Path, "grid", "--scenario", "wage-v1", "--limit", "6");
        await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/balanced", "--out", "run");

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default,
            "score", "--input", "run/run.jsonl", "--rubric", "seed-v1", "-s", "sim/judge", "--no-cache");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rubric seed-v1 is written for rent-v1, not for scenario wage-v1", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(cwd.File("run/run_scored.jsonl")));
    }
}
