using System.Text.Json;
using SycoBench.Running;
using SycoBench.Scenarios;

namespace SycoBench.Reporting;

/// <summary>
/// Chooses the scenario of a report: the one asked for, else the one the run recorded in run_grid.json beside the input
/// (a <c>scenario</c> name, or an object with <c>id</c> and <c>sha256</c>), else rent-v1. A recorded SHA-256 that
/// differs from the scenario file's is a warning: the wording changed since the run.
/// </summary>
public static class ReportScenarioResolver
{
    public static ResolvedScenario Resolve(string? scenarioOption, string inputPath, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        var warnings = new List<string>();
        var runGrid = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputPath, workingDirectory)) ?? ".", RunFolder.ManifestFile);
        var (recordedId, recordedSha, pricesReadOn) = ReadRecorded(runGrid, warnings);

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

            source = RunFolder.ManifestFile;
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

        return new ResolvedScenario(scenario, source, recordedSha, warnings) { PricesReadOn = pricesReadOn };
    }

    private static (string? Id, string? Sha256, string? PricesReadOn) ReadRecorded(string runGrid, List<string> warnings)
    {
        if (!File.Exists(runGrid))
            return (null, null, null);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(runGrid));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, null, null);
            var pricesReadOn = document.RootElement.TryGetProperty("prices", out var prices) && prices.ValueKind == JsonValueKind.Object
                ? Text(prices, "table_read_on")
                : null;
            if (!document.RootElement.TryGetProperty("scenario", out var scenario))
                return (null, null, pricesReadOn);
            return scenario.ValueKind switch
            {
                JsonValueKind.String => (scenario.GetString(), null, pricesReadOn),
                JsonValueKind.Object => (Text(scenario, "id") ?? Text(scenario, "name"), Text(scenario, "sha256"), pricesReadOn),
                _ => (null, null, pricesReadOn),
            };
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            warnings.Add($"{runGrid}: cannot be read ({ex.Message.Split('\n')[0]}); the scenario is taken from the options");
            return (null, null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}

/// <summary>The chosen scenario, where it came from, the hash the run recorded, and remarks for the report.</summary>
public sealed record ResolvedScenario(Scenario Scenario, string Source, string? RecordedSha256, IReadOnlyList<string> Warnings)
{
    /// <summary>The price table's date the run recorded (<c>prices.table_read_on</c> of run_grid.json), when it did.</summary>
    public string? PricesReadOn { get; init; }
}

/// <summary>
/// The roster labels a run recorded: the <c>models</c> of run_grid.json beside the input (roster entries with
/// <c>id</c> and <c>label</c>). Labels name models in charts and the headline; ids stay in every data file.
/// </summary>
public static class ReportModelLabels
{
    /// <summary>Labels by model id; empty when there is no run_grid.json or it names no labels. An unreadable file is a warning.</summary>
    public static IReadOnlyDictionary<string, string> Read(string inputPath, string workingDirectory, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(warnings);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var runGrid = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputPath, workingDirectory)) ?? ".", RunFolder.ManifestFile);
        if (!File.Exists(runGrid))
            return labels;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(runGrid));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
                return labels;
            foreach (var model in models.EnumerateArray())
            {
                if (model.ValueKind == JsonValueKind.Object
                    && model.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                    && model.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String
                    && !string.IsNullOrWhiteSpace(label.GetString()))
                    labels[id.GetString()!] = label.GetString()!.Trim();
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            warnings.Add($"{runGrid}: cannot be read ({ex.Message.Split('\n')[0]}); models are named by their ids");
        }

        return labels;
    }
}
