using System.Globalization;
using System.Text.Json;

namespace SycoBench.Models;

/// <summary>
/// Reads a model roster (SPEC §3): a JSON array of models, each with a required positive integer
/// <c>concurrency</c>. Every problem names the file and the model before any request is sent.
/// </summary>
public static class ModelRoster
{
    private static readonly string[] KnownFields =
    [
        "id", "label", "provider", "concurrency", "base_url", "api_key_env", "model", "rpm", "tpm",
        "temperature", "max_tokens", "prices", "notes",
    ];

    public static IReadOnlyList<ModelEntry> Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the roster ({ex.Message})", ex);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? $" at line {l + 1}" : "";
            throw new InputException($"{path}: not valid JSON{line}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
                throw new InputException($"{path}: a roster is a JSON array of models");
            var models = new List<ModelEntry>();
            var index = 0;
            foreach (var item in root.EnumerateArray())
                models.Add(Parse(item, path, index++));
            if (models.Count == 0)
                throw new InputException($"{path}: the roster lists no model");
            var duplicate = models.GroupBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw new InputException($"{path}: model '{duplicate.Key}' is listed twice");
            return models;
        }
    }

    /// <summary>One roster entry; <paramref name="path"/> and <paramref name="index"/> only name it in errors.</summary>
    public static ModelEntry Parse(JsonElement item, string path, int index)
    {
        if (item.ValueKind == JsonValueKind.String)
            throw new InputException($"{path}: entry {index + 1} ('{item.GetString()}') must be an object with 'id' and 'concurrency'");
        if (item.ValueKind != JsonValueKind.Object)
            throw new InputException($"{path}: entry {index + 1} must be an object with 'id' and 'concurrency'");

        var id = item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString()!.Trim()
            : "";
        if (id.Length == 0)
            throw new InputException($"{path}: entry {index + 1}: 'id' is missing");
        var where = $"{path}: model '{id}'";

        foreach (var property in item.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name))
                throw new InputException($"{where}: unknown field '{property.Name}' (known: {string.Join(", ", KnownFields)})");
        }

        if (!item.TryGetProperty("concurrency", out var concurrencyElement) || concurrencyElement.ValueKind == JsonValueKind.Null)
            throw new InputException($"{where}: 'concurrency' is required (a positive integer: how many requests may run at once)");
        if (concurrencyElement.ValueKind != JsonValueKind.Number || !concurrencyElement.TryGetInt32(out var concurrency) || concurrency <= 0)
            throw new InputException($"{where}: 'concurrency' must be a positive integer, not {concurrencyElement.GetRawText()}");

        double? inputPrice = null, outputPrice = null;
        if (item.TryGetProperty("prices", out var prices) && prices.ValueKind != JsonValueKind.Null)
        {
            if (prices.ValueKind != JsonValueKind.Object)
                throw new InputException($"{where}: 'prices' must be an object with input_per_million and output_per_million");
            inputPrice = OptionalNumber(prices, "input_per_million", where + ": prices", min: 0);
            outputPrice = OptionalNumber(prices, "output_per_million", where + ": prices", min: 0);
        }

        var temperature = OptionalNumber(item, "temperature", where, min: 0);
        if (temperature > 2)
            throw new InputException($"{where}: 'temperature' must be between 0 and 2");

        return new ModelEntry
        {
            Id = id,
            Label = OptionalString(item, "label", where),
            Provider = OptionalString(item, "provider", where),
            Concurrency = concurrency,
            BaseUrl = OptionalString(item, "base_url", where),
            ApiKeyEnv = OptionalString(item, "api_key_env", where),
            Model = OptionalString(item, "model", where),
            Rpm = OptionalPositiveInt(item, "rpm", where),
            Tpm = OptionalPositiveInt(item, "tpm", where),
            Temperature = temperature,
            MaxTokens = OptionalPositiveInt(item, "max_tokens", where),
            InputPricePerMillion = inputPrice,
            OutputPricePerMillion = outputPrice,
        };
    }

    /// <summary>The roster entry of <paramref name="model"/>, as it would appear in a roster file.</summary>
    public static JsonElement ToJson(ModelEntry model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", model.Id);
            WriteIfSet(writer, "label", model.Label);
            WriteIfSet(writer, "provider", model.Provider);
            writer.WriteNumber("concurrency", model.Concurrency);
            WriteIfSet(writer, "base_url", model.BaseUrl);
            WriteIfSet(writer, "api_key_env", model.ApiKeyEnv);
            WriteIfSet(writer, "model", model.Model);
            if (model.Rpm is { } rpm)
                writer.WriteNumber("rpm", rpm);
            if (model.Tpm is { } tpm)
                writer.WriteNumber("tpm", tpm);
            if (model.Temperature is { } temperature)
                writer.WriteNumber("temperature", temperature);
            if (model.MaxTokens is { } maxTokens)
                writer.WriteNumber("max_tokens", maxTokens);
            if (model.InputPricePerMillion is not null || model.OutputPricePerMillion is not null)
            {
                writer.WriteStartObject("prices");
                if (model.InputPricePerMillion is { } input)
                    writer.WriteNumber("input_per_million", input);
                if (model.OutputPricePerMillion is { } output)
                    writer.WriteNumber("output_per_million", output);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }

    private static string? OptionalString(JsonElement item, string name, string where)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String || value.GetString()!.Trim().Length == 0)
            throw new InputException($"{where}: '{name}' must be a non-empty string");
        return value.GetString()!.Trim();
    }

    private static int? OptionalPositiveInt(JsonElement item, string name, string where)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0
            ? number
            : throw new InputException($"{where}: '{name}' must be a positive integer, not {value.GetRawText()}");
    }

    private static double? OptionalNumber(JsonElement item, string name, string where, double min)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number && number >= min && double.IsFinite(number)
            ? number
            : throw new InputException(
                $"{where}: '{name}' must be a number ≥ {min.ToString(CultureInfo.InvariantCulture)}, not {value.GetRawText()}");
    }
}
