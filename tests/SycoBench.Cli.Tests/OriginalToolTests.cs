using System.Text.Json;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

/// <summary>A user of the original Python tool switches with their rosters, ids, flags and habits as they are.</summary>
public sealed class OriginalToolTests
{
    [Fact]
    public async Task A_roster_entry_s_request_settings_reach_the_provider_and_are_part_of_the_cache_key()
    {
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        await using var sim = await Sim.StartAsync(new SimOptions { RecordFile = cwd.File("requests.jsonl") });
        Sim.WriteRoster(cwd, "roster.json", new Dictionary<string, object>
        {
            ["id"] = "sim/balanced", ["concurrency"] = 2, ["top_p"] = 0.9, ["frequency_penalty"] = 0.5, ["presence_penalty"] = -0.5,
            ["seed"] = 42, ["stop"] = "END", ["reasoning_effort"] = "low", ["max_tokens"] = 300, ["temperature"] = 0,
        });

        var first = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--models", "roster.json", "--limit", "3", "--out", "a");
        Sim.WriteRoster(cwd, "roster.json", new Dictionary<string, object> { ["id"] = "sim/balanced", ["concurrency"] = 2, ["max_tokens"] = 300, ["temperature"] = 0 });
        var second = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--models", "roster.json", "--limit", "3", "--out", "b");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        var bodies = File.ReadAllLines(cwd.File("requests.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(6, bodies.Length); // the second run's requests differ in their settings: none came from the cache
        foreach (var body in bodies.Take(3))
        {
            Assert.Equal(0.9, body.GetProperty("top_p").GetDouble(), 5);
            Assert.Equal(0.5, body.GetProperty("frequency_penalty").GetDouble(), 5);
            Assert.Equal(-0.5, body.GetProperty("presence_penalty").GetDouble(), 5);
            Assert.Equal(42, body.GetProperty("seed").GetInt64());
            Assert.Equal("END", body.GetProperty("stop").EnumerateArray().Single().GetString());
            Assert.Equal("low", body.GetProperty("reasoning_effort").GetString());
            Assert.Equal(0, body.GetProperty("temperature").GetDouble());
        }

        Assert.All(bodies.Skip(3), body => Assert.False(body.TryGetProperty("top_p", out _)));
    }
}
