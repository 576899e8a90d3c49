using System.Text.Json;
using SycoBench.Scenarios;

namespace SycoBench.Reporting;

/// <summary>
/// Chooses the scenario of a report: the one asked for, else the one the run recorded in run_grid.json beside the input
/// (a <c>scenario</c> name, or an object with <c>id</c> and <c>sha256</c>), else rent-v1. A recorded SHA-256 that
/// differs from the scenario file's is a warning: the wording changed since the run.
/// </summary>
public static class ReportScenarioResolver
{
    public const string RunGridFileName = "run_grid.json";

    public static ResolvedScenario Resolve(string? scenarioOption, string inputPath, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        var warnings = new List<string>();
        var runGrid = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputPath, workingDirectory)) ?? ".", RunGridFileName);
        var (recordedId, recordedSha) = ReadRecorded(runGrid, warnings);

        Scenario scenario;
        string source;
        if (!string.IsNullOrWhiteSpace(scenarioOption))
        {
            scenario = ScenarioCatalog.Load(scenarioOption, workingDirectory);
            source = "--scenario " + scenarioOption;
            if (recordedId is not null && !string.Equals(recordedId, scenario.Id, StringComparison.Ordinal))
                warnings.Add($"{runGrid}: the run recorded scenario '{recordedId}'; reporting with '{scenario.Id}' as asked");
        }
        else if (recordedId is not null)
        {
            try
            {
                scenario = ScenarioCatalog.Load(recordedId, workingDirectory);
            }
            catch (ScenarioFormatException ex)
            {
                throw new InputException($"{runGrid}: the run's scenario '{recordedId}' cannot be loaded ({ex.Message}); name it with --scenario", ex);
            }

            source = RunGridFileName;
        }
        else
        {
            scenario = ScenarioCatalog.Load(ScenarioCatalog.DefaultScenario, workingDirectory);
            source = "default";
        }

        if (recordedSha is not null && !string.Equals(recordedSha, scenario.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add($"{runGrid}: the run used scenario file sha256 {Short(recordedSha)}, but {scenario.Id} is now {Short(scenario.Sha256)}: " +
                         "its wording or grid may differ from what the models were asked");
        }

        return new ResolvedScenario(scenario, source, recordedSha, warnings);
    }

    private static (string? Id, string? Sha256) ReadRecorded(string runGrid, List<string> warnings)
    {
        if (!File.Exists(runGrid))
            return (null, null);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(runGrid));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("scenario", out var scenario))
                return (null, null);
            return scenario.ValueKind switch
            {
                JsonValueKind.String => (scenario.GetString(), null),
                JsonValueKind.Object => (Text(scenario, "id") ?? Text(scenario, "name"), Text(scenario, "sha256")),
                _ => (null, null),
            };
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            warnings.Add($"{runGrid}: cannot be read ({ex.Message.Split('\n')[0]}); the scenario is taken from the options");
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}

/// <summary>The chosen scenario, where it came from, the hash the run recorded, and remarks for the report.</summary>
public sealed record ResolvedScenario(Scenario Scenario, string Source, string? RecordedSha256, IReadOnlyList<string> Warnings);
