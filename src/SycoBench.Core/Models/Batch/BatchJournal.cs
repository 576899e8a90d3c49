using System.Text.Json;
using System.Text.Json.Serialization;
using SycoBench.IO;

namespace SycoBench.Models.Batch;

/// <summary>
/// The batches of one run (or one scoring), kept beside its records (<c>batches.json</c>): for each, the model, the
/// uploaded input file, the batch id and the requests it holds, and whether its results were written. The file id is
/// recorded as soon as the upload returns and the batch id as soon as the create returns (each an atomic rewrite), so
/// a process killed while waiting re-attaches on resume instead of paying again; a process killed between the two
/// finds its batch by the input file id.
/// </summary>
public sealed class BatchJournal
{
    private readonly Lock _gate = new();
    private readonly List<BatchEntry> _entries;

    private BatchJournal(string path, List<BatchEntry> entries)
    {
        Path = path;
        _entries = entries;
    }

    public string Path { get; }

    public IReadOnlyList<BatchEntry> Entries
    {
        get
        {
            lock (_gate)
                return _entries.ToArray();
        }
    }

    /// <summary>Batches whose results are not yet written (to re-attach to).</summary>
    public IReadOnlyList<BatchEntry> Open => Entries.Where(e => !e.Written).ToArray();

    /// <summary>Reads the journal (none yet: empty); an unreadable journal is an error naming the file, never ignored.</summary>
    public static BatchJournal Load(string path)
    {
        if (!File.Exists(path))
            return new BatchJournal(path, []);
        BatchJournalFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllBytes(path), BatchJsonContext.Default.BatchJournalFile);
        }
        catch (JsonException ex)
        {
            throw new InputException($"{path}: cannot be read ({ex.Message}); it lists the Batch API batches of this run and is needed to re-attach to them", ex);
        }

        if (file?.Batches is not { } batches)
            throw new InputException($"{path}: has no 'batches' list");
        for (var i = 0; i < batches.Count; i++)
        {
            var entry = batches[i];
            if (string.IsNullOrEmpty(entry.Model) || string.IsNullOrEmpty(entry.InputFileId) || entry.CustomIds is not { Count: > 0 })
                throw new InputException($"{path}: batches[{i}] needs 'model', 'input_file_id' and a non-empty 'custom_ids'");
        }

        return new BatchJournal(path, [.. batches]);
    }

    /// <summary>Records an uploaded input file before its batch is created.</summary>
    public BatchEntry AddUploaded(string model, string inputFileId, string baseUrl, string createdIso, IReadOnlyList<string> customIds)
    {
        var entry = new BatchEntry
        {
            Model = model,
            BaseUrl = baseUrl,
            InputFileId = inputFileId,
            CreatedIso = createdIso,
            CustomIds = customIds,
        };
        Update(entries => entries.Add(entry));
        return entry;
    }

    public BatchEntry SetBatchId(BatchEntry entry, string batchId) => Replace(entry, entry with { BatchId = batchId });

    public BatchEntry MarkWritten(BatchEntry entry, string status) => Replace(entry, entry with { Written = true, FinalStatus = status });

    private BatchEntry Replace(BatchEntry entry, BatchEntry replacement)
    {
        Update(entries =>
        {
            var index = entries.FindIndex(e => e.InputFileId == entry.InputFileId && e.Model == entry.Model);
            if (index < 0)
                throw new InvalidOperationException($"batch of input file {entry.InputFileId} is not in {Path}");
            entries[index] = replacement;
        });
        return replacement;
    }

    private void Update(Action<List<BatchEntry>> change)
    {
        lock (_gate)
        {
            change(_entries);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new BatchJournalFile { Batches = _entries.ToArray() }, BatchJsonContext.Default.BatchJournalFile);
            AtomicFile.Write(Path, stream => stream.Write(bytes));
        }
    }
}

/// <summary><c>batches.json</c> as written.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BatchJournalFile
{
    public required IReadOnlyList<BatchEntry> Batches { get; init; }
}

/// <summary>One batch: which model, where, which requests (custom ids), and how far it got.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BatchEntry
{
    public required string Model { get; init; }

    /// <summary>The API the batch was sent to (a resumed run re-attaches only there).</summary>
    public required string BaseUrl { get; init; }

    public required string InputFileId { get; init; }

    /// <summary>Null between the upload and the create's answer.</summary>
    public string? BatchId { get; init; }

    public required string CreatedIso { get; init; }

    public required IReadOnlyList<string> CustomIds { get; init; }

    /// <summary>True once every request of the batch has a record (an answer or a failure).</summary>
    public bool Written { get; init; }

    /// <summary>The batch's last status (completed, failed, expired, cancelled) once written.</summary>
    public string? FinalStatus { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(BatchJournalFile))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class BatchJsonContext : JsonSerializerContext;
