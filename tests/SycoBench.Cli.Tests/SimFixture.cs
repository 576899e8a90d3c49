using System.Text.Json;
using SycoBench.Records;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

/// <summary>Helpers for tests that run against the simulated provider on loopback.</summary>
internal static class Sim
{
    public static readonly string ScenarioDirectory = Path.Combine(AppContext.BaseDirectory, "data", "scenarios");

    public static Task<SimServer> StartAsync(SimOptions? options = null) =>
        SimServer.StartAsync((options ?? new SimOptions()) with { Port = 0, ScenarioDirectories = [ScenarioDirectory] });

    public static Dictionary<string, string> Variables(SimServer server, params (string Name, string Value)[] more)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["SIM_BASE_URL"] = server.BaseUrl.ToString() };
        foreach (var (name, value) in more)
            variables[name] = value;
        return variables;
    }

    /// <summary>Puts the published rent-v1 grid where <c>run</c> looks by default.</summary>
    public static void WriteGrid(TempDirectory cwd)
    {
        Directory.CreateDirectory(cwd.File("outputs/raw"));
        File.Copy(Fixtures.Reference("grid.jsonl"), cwd.File("outputs/raw/grid.jsonl"));
    }

    public static string WriteRoster(TempDirectory cwd, string name, params object[] models)
    {
        var path = cwd.File(name);
        File.WriteAllText(path, JsonSerializer.Serialize(models));
        return path;
    }

    public static List<RunRecord> Records(string path, List<JsonlIssue>? issues = null) =>
        JsonlReader.Read(path, RecordJsonContext.Default.RunRecord, issues is null ? null : issues.Add).Select(e => e.Value).ToList();

    public static readonly object[] FourModels =
    [
        new { id = "sim/sycophant@0.6", concurrency = 8 },
        new { id = "sim/balanced", concurrency = 8 },
        new { id = "sim/landlord-lean@0.4", concurrency = 8 },
        new { id = "sim/contrarian@0.4", concurrency = 8 },
    ];
}
