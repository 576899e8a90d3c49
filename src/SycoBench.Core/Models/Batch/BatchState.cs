using System.Text.Json;

namespace SycoBench.Models.Batch;

/// <summary>What the Batch API says of a batch: its status, counts, result files and, for a failed batch, why.</summary>
public sealed record BatchState(
    string Id, string Status, string InputFileId, string? OutputFileId, string? ErrorFileId, int Total, int Completed, int Failed, string? Errors)
{
    /// <summary>The batch will change no more (completed, failed, expired or cancelled).</summary>
    public bool IsFinal => Status is "completed" or "failed" or "expired" or "cancelled";

    /// <summary>Reads a batch object; a body without <c>id</c> or <c>status</c> is not a batch and is refused.</summary>
    public static BatchState From(JsonElement batch)
    {
        var id = Text(batch, "id") ?? throw new InvalidDataException("the Batch API answered with a batch object without 'id'");
        var status = Text(batch, "status") ?? throw new InvalidDataException($"the Batch API answered with batch {id} without 'status'");
        var counts = batch.TryGetProperty("request_counts", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        string? errors = null;
        if (batch.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("data", out var data)
            && data.ValueKind == JsonValueKind.Array)
        {
            errors = string.Join("; ", data.EnumerateArray().Select(d => Text(d, "message") ?? Text(d, "code") ?? d.GetRawText()));
        }

        return new BatchState(
            id,
            status,
            Text(batch, "input_file_id") ?? "",
            Text(batch, "output_file_id"),
            Text(batch, "error_file_id"),
            Number(counts, "total"),
            Number(counts, "completed"),
            Number(counts, "failed"),
            errors);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : 0;
}
