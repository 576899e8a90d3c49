using System.Text.Json;
using SycoBench.Data;

namespace SycoBench.Models;

/// <summary>
/// Reads a model roster (SPEC §3): a JSON array of <see cref="RosterEntryJson"/>, each with a required positive
/// integer <c>concurrency</c>. Every problem names the file, the JSON path and the model before any request is sent.
/// </summary>
public static class ModelRoster
{
    public static IReadOnlyList<ModelEntry> Load(string path)
    {
        using var document = DataFileReader.Parse(DataFileReader.ReadBytes(path), path);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
            throw new DataFileException(path, "", $"a roster is a JSON array of models, not {DataFileReader.Describe(root)}");
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

    /// <summary>One roster entry; <paramref name="path"/> and <paramref name="index"/> only name it in errors.</summary>
    public static ModelEntry Parse(JsonElement item, string path, int index)
    {
        var field = DataFileException.Item("", index);
        if (item.ValueKind == JsonValueKind.String)
            throw new DataFileException(path, field, $"'{item.GetString()}' must be an object with \"id\" and \"concurrency\"");
        var model = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? $" (model '{id.GetString()}')"
            : "";
        if (item.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in item.EnumerateObject())
            {
                if (RosterEntryJson.Refused.TryGetValue(property.Name, out var why))
                    throw new DataFileException(path, DataFileException.Member(field, property.Name), $"not supported: {why}{model}");
            }
        }

        RosterEntryJson entry;
        try
        {
            entry = DataFileReader.Deserialize(item, path, field, DataFileJsonContext.Default.RosterEntryJson);
        }
        catch (DataFileException ex) when (model.Length > 0)
        {
            throw new DataFileException(ex.FilePath, ex.Field, ex.Problem + model);
        }

        return entry.Validate(path, field);
    }

    /// <summary>The roster entry of <paramref name="model"/>, as it would appear in a roster file.</summary>
    public static JsonElement ToJson(ModelEntry model) =>
        JsonSerializer.SerializeToElement(RosterEntryJson.From(model), DataFileJsonContext.Default.RosterEntryJson);
}
