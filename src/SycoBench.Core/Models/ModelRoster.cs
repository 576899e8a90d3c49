using System.Text;
using System.Text.Json;

namespace SycoBench.Models;

/// <summary>
/// Reads a model roster (SPEC §3): a JSON array of <see cref="RosterEntryJson"/>, each with a required positive
/// integer <c>concurrency</c>. Every problem names the file, the JSON path and the model before any request is sent.
/// </summary>
public static class ModelRoster
{
    public static IReadOnlyList<string> DefaultSearchDirectories(string workingDirectory) =>
        DataFiles.SearchDirectories(workingDirectory, "models");

    /// <summary>
    /// The roster file of a path (relative to <paramref name="workingDirectory"/>) or of a name (<c>roster</c> →
    /// <c>data/models/roster.json</c>, looked up in the working directory's <c>data/models</c>, then in the one shipped
    /// beside the program), so the shipped rosters work from any folder.
    /// </summary>
    public static string Locate(string nameOrPath, string workingDirectory) =>
        DataFiles.Locate(nameOrPath, workingDirectory, DefaultSearchDirectories(workingDirectory), "roster", "rosters");

    public static IReadOnlyList<ModelEntry> Load(string path)
    {
        var bytes = DataFileReader.ReadBytes(path, (field, problem) => new DataFileException(path, field, problem));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            // The reader words a syntax error with its line, as for every data file.
            DataFileReader.Deserialize(bytes, DataFileJsonContext.Default.RosterEntryJson, (field, problem) => new DataFileException(path, field, problem));
            throw;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
                throw new DataFileException(path, "", $"a roster is a JSON array of models, not {root.ValueKind.ToString().ToLowerInvariant()}");
            var models = new List<ModelEntry>();
            var index = 0;
            foreach (var item in root.EnumerateArray())
                models.Add(Parse(item, path, index++));
            if (models.Count == 0)
                throw new DataFileException(path, "", "the roster lists no model");
            var duplicate = models.Select((m, i) => (m.Id, i)).GroupBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw new DataFileException(path, DataFileException.Item("", duplicate.Skip(1).First().i), $"model '{duplicate.Key}' is listed twice");
            return models;
        }
    }

    /// <summary>
    /// One roster entry; <paramref name="path"/>, <paramref name="index"/> and <paramref name="array"/> (the field
    /// holding the list, empty for a roster file: <c>models</c> in a study file) only name it in errors.
    /// </summary>
    public static ModelEntry Parse(JsonElement item, string path, int index, string array = "")
    {
        var at = DataFileException.Item(array, index);
        if (item.ValueKind == JsonValueKind.String)
            throw new DataFileException(path, at, $"'{item.GetString()}' must be an object with \"id\" and \"concurrency\"");
        if (item.ValueKind != JsonValueKind.Object)
            throw new DataFileException(path, at, "must be an object with \"id\" and \"concurrency\"");
        var model = item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? $" (model '{id.GetString()}')" : "";
        foreach (var property in item.EnumerateObject())
        {
            if (RosterEntryJson.Refused.TryGetValue(property.Name, out var why))
                throw new DataFileException(path, DataFileException.Member(at, property.Name), $"not supported: {why}{model}");
        }

        return DataFileReader.Deserialize(
                Encoding.UTF8.GetBytes(item.GetRawText()),
                DataFileJsonContext.Default.RosterEntryJson,
                (field, problem) => new DataFileException(path, DataFileException.Within(at, field), problem + model))
            .Validate(path, at);
    }

    /// <summary>The roster entry of <paramref name="model"/>, as it would appear in a roster file.</summary>
    public static JsonElement ToJson(ModelEntry model) =>
        JsonSerializer.SerializeToElement(RosterEntryJson.From(model), DataFileJsonContext.Default.RosterEntryJson);
}
