using System.Text.Json;
using System.Text.Json.Serialization;

namespace SycoBench.Records;

internal sealed class FactorsJsonConverter : JsonConverter<Factors>
{
    public override Factors Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("factors must be a JSON object");

        var entries = new List<KeyValuePair<string, JsonElement>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            entries.Add(new(key, JsonElement.ParseValue(ref reader)));
        }

        return new Factors(entries);
    }

    public override void Write(Utf8JsonWriter writer, Factors value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, element) in value.Entries)
        {
            writer.WritePropertyName(key);
            element.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
