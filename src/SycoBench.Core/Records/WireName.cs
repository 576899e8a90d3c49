using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace SycoBench.Records;

/// <summary>
/// The JSON name the serializer gives a property, read from its source-generated metadata: code that reads or writes a
/// field by name (the fast scored-line reader, the scorer's carried-over answer fields) never spells the name again.
/// </summary>
internal static class WireName
{
    public static string Of(JsonTypeInfo type, string property) =>
        type.Properties.SingleOrDefault(p => p.AttributeProvider is PropertyInfo info && info.Name == property)?.Name
        ?? throw new InvalidOperationException($"{type.Type.Name} has no serialized property {property}");
}
