using System.Text.Json;

namespace SycoBench.Tests;

/// <summary>Compares JSON as parsed values, the way Python's == compares json.loads results (1 == 1.0).</summary>
internal static class JsonAssert
{
    public static void Equal(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            Assert.True(expected.GetDouble() == actual.GetDouble(), $"{path}: {expected.GetRawText()} != {actual.GetRawText()}");
            return;
        }

        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} != {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                Assert.True(expectedNames.SequenceEqual(actualNames),
                    $"{path}: keys differ: [{string.Join(",", expectedNames)}] vs [{string.Join(",", actualNames)}]");
                foreach (var property in expected.EnumerateObject())
                    Equal(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: array lengths differ");
                var index = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                    Equal(e, a, $"{path}[{index++}]");
                break;
            case JsonValueKind.String:
                Assert.True(expected.GetString() == actual.GetString(), $"{path}: strings differ");
                break;
            default:
                break;
        }
    }
}
