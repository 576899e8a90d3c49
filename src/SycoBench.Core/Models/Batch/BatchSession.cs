using System.Globalization;
using System.Text;
using SycoBench.Running;

namespace SycoBench.Models.Batch;

/// <summary>
/// One model's batches against one Batch API: submit (upload, record the file id, create, record the batch id),
/// re-attach to a recorded batch (found again by its input file when the process died before recording its id), wait
/// for it to finish while reporting its state, and download its results. Every step is written to the
/// <see cref="BatchJournal"/> before the next one, so nothing is created or paid for twice.
/// </summary>
public sealed class BatchSession(
    BatchApiClient client, BatchJournal journal, ModelRoute route, RunLog log, TimeProvider timeProvider, TimeSpan pollInterval)
{
    public async Task<BatchEntry> SubmitAsync(IReadOnlyList<(string CustomId, string Line)> requests, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var content = new StringBuilder();
        foreach (var (_, line) in requests)
            content.Append(line).Append('\n');
        var fileId = await client.UploadAsync(Encoding.UTF8.GetBytes(content.ToString()), fileName, cancellationToken).ConfigureAwait(false);
        var entry = journal.AddUploaded(route.Model.Id, fileId, route.BaseUrl.ToString(), Running.RecordFactory.Iso(timeProvider.GetUtcNow()),
            requests.Select(r => r.CustomId).ToArray());
        log.Info($"{route.Model.Id}: uploaded {requests.Count} request(s) as file {fileId}");
        return await CreateAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A recorded batch ready to wait on: its id, else the batch found by its input file, else a new one.</summary>
    public async Task<BatchEntry> AttachAsync(BatchEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.BaseUrl != route.BaseUrl.ToString())
        {
            throw new InputException(
                $"{journal.Path}: the batch of {entry.Model} (file {entry.InputFileId}) was sent to {entry.BaseUrl}, but the model now routes to {route.BaseUrl}; set the base URL back to re-attach");
        }

        if (entry.BatchId is not null)
        {
            log.Info($"{route.Model.Id}: re-attaching to batch {entry.BatchId} ({entry.CustomIds.Count} request(s)); nothing is sent again");
            return entry;
        }

        if (await client.FindByInputFileAsync(entry.InputFileId, cancellationToken: cancellationToken).ConfigureAwait(false) is { } found)
        {
            log.Info($"{route.Model.Id}: found batch {found.Id} of file {entry.InputFileId}, created before the last stop; re-attaching");
            return journal.SetBatchId(entry, found.Id);
        }

        log.Info($"{route.Model.Id}: file {entry.InputFileId} was uploaded but no batch was created from it; creating it now");
        return await CreateAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that every request of the batch has its record, so a resume leaves it alone.</summary>
    public void MarkWritten(BatchEntry entry, string finalStatus) => journal.MarkWritten(entry, finalStatus);

    /// <summary>Polls until the batch is final, reporting each new state.</summary>
    public async Task<BatchState> WaitAsync(BatchEntry entry, Action<BatchState> onState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(onState);
        var batchId = entry.BatchId ?? throw new InvalidOperationException("the batch has not been created");
        BatchState? last = null;
        while (true)
        {
            var state = await client.GetAsync(batchId, cancellationToken).ConfigureAwait(false);
            if (state != last)
            {
                onState(state);
                log.Info(Describe(state, entry));
                last = state;
            }

            if (state.IsFinal)
                return state;
            await Task.Delay(pollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every result line of a final batch (output file, then error file), by custom id.</summary>
    public async Task<IReadOnlyDictionary<string, BatchLineResult>> ResultsAsync(BatchEntry entry, BatchState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(state);
        var expected = entry.CustomIds.ToHashSet(StringComparer.Ordinal);
        var results = new Dictionary<string, BatchLineResult>(StringComparer.Ordinal);
        foreach (var fileId in new[] { state.OutputFileId, state.ErrorFileId }.OfType<string>())
        {
            var text = await client.DownloadAsync(fileId, cancellationToken).ConfigureAwait(false);
            var number = 0;
            foreach (var line in text.Split('\n'))
            {
                number++;
                if (line.Trim().Length == 0)
                    continue;
                BatchLineResult result;
                try
                {
                    result = BatchLines.Read(line, route);
                }
                catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException or FormatException)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"{route.Model.Id}: batch {state.Id}, file {fileId}, line {number}: {ex.Message}"), ex);
                }

                if (!expected.Contains(result.CustomId))
                {
                    log.Warn($"{route.Model.Id}: batch {state.Id} answered a request it was not sent ('{result.CustomId}'); not recorded");
                    continue;
                }

                // An answer wins over an error line for the same request (a provider may list a retried line twice).
                if (result.Response is not null || !results.ContainsKey(result.CustomId))
                    results[result.CustomId] = result;
            }
        }

        return results;
    }

    public static string Describe(BatchState state, BatchEntry entry)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(entry);
        var total = state.Total > 0 ? state.Total : entry.CustomIds.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"{entry.Model}: batch {state.Id} {state.Status}, {state.Completed + state.Failed}/{total} done, {state.Failed} failed")
            + (state.Errors is { } errors ? $" ({errors})" : "");
    }

    private async Task<BatchEntry> CreateAsync(BatchEntry entry, CancellationToken cancellationToken)
    {
        var created = await client.CreateAsync(entry.InputFileId, cancellationToken).ConfigureAwait(false);
        var recorded = journal.SetBatchId(entry, created.Id);
        log.Info($"{route.Model.Id}: batch {created.Id} created from file {entry.InputFileId} ({entry.CustomIds.Count} request(s))");
        return recorded;
    }
}
