using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SycoBench;

/// <summary>
/// Reads a data file into its typed record through a source-generated <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>
/// whose options disallow unmapped members and duplicate properties and respect required members and nullable
/// annotations. Every problem becomes one <see cref="DataFileException"/> naming the file and the JSON path of the
/// field at fault, worded for the person who edits the file ("field 'amounts.values[1]': must be a number, not a
/// string"), not for the serializer. Meaning checks are the record's own business, after this.
/// </summary>
public static class DataFileReader
{
    /// <summary>Makes the exception for a file's problem: the field (JSON path without <c>$.</c>, or empty) and the problem.</summary>
    public delegate DataFileException ErrorFactory(string field, string problem);

    /// <summary>The bytes of <paramref name="path"/>; a file that cannot be read is a problem of the file.</summary>
    public static byte[] ReadBytes(string path, ErrorFactory error)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw error("", $"cannot read the file ({ex.Message})");
        }
    }

    public static T Deserialize<T>(byte[] utf8Json, JsonTypeInfo<T> typeInfo, ErrorFactory error)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(error);

        // Syntax first, with the line, so a missing comma is not reported as a type problem.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? $" at line {l + 1}" : "";
            throw error("", $"not valid JSON{line}: {FirstSentence(ex.Message)}");
        }

        using (document)
        {
            try
            {
                return JsonSerializer.Deserialize(utf8Json, typeInfo) ?? throw error("", "must be a JSON object, not null");
            }
            catch (JsonException ex)
            {
                var (field, problem) = JsonProblem.Explain(ex, document.RootElement, typeInfo);
                throw error(field, problem);
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd(' ', '|', '.');
    }
}
