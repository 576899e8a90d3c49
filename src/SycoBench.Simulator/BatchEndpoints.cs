using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SycoBench.Simulator;

/// <summary>
/// The OpenAI-compatible Batch API: <c>POST /v1/files</c> (multipart upload, purpose <c>batch</c>),
/// <c>GET /v1/files/{id}/content</c>, <c>POST /v1/batches</c>, <c>GET /v1/batches/{id}</c> and <c>GET /v1/batches</c>.
/// A batch stays <c>in_progress</c> for <see cref="SimOptions.BatchDelaySeconds"/> on the server's clock, then every
/// line is answered as <c>/v1/chat/completions</c> answers it (without faults or latency): answers go to the output
/// file, non-200 answers and a seeded share <see cref="SimOptions.BatchFailRate"/> of lines (chosen by the seed, the
/// batch and the line's custom_id) to the error file. An input file that is not a valid batch fails the whole batch, as OpenAI's
/// validation does.
/// </summary>
internal sealed class BatchEndpoints(SimOptions options, ChatCompletionsEndpoint chat, SimStats stats, TimeProvider timeProvider)
{
    private const string ChatEndpoint = "/v1/chat/completions";

    private readonly ConcurrentDictionary<string, SimFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimBatch> _batches = new(StringComparer.Ordinal);
    private long _sequence;

    public async Task UploadAsync(HttpContext context)
    {
        CountAuthorization(context);
        if (!context.Request.HasFormContentType)
        {
            await ChatCompletionsEndpoint.Error(context, 400, "invalid_request_error", "upload a file as multipart/form-data with 'file' and 'purpose'");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.GetFile("file");
        var purpose = form["purpose"].ToString();
        if (file is null || purpose.Length == 0)
        {
            await ChatCompletionsEndpoint.Error(context, 400, "invalid_request_error", "'file' and 'purpose' are required");
            return;
        }

        if (purpose != "batch")
        {
            await ChatCompletionsEndpoint.Error(context, 400, "invalid_request_error", $"the simulator takes files of purpose 'batch', not '{purpose}'");
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted);
        var stored = new SimFile("file-sim-" + Next(), file.FileName, purpose, buffer.ToArray(), Now());
        _files[stored.Id] = stored;
        stats.FileUploaded();
        await Json(context, w => WriteFile(w, stored));
    }

    public async Task ContentAsync(HttpContext context, string id)
    {
        CountAuthorization(context);
        if (!_files.TryGetValue(id, out var file))
        {
            await ChatCompletionsEndpoint.Error(context, 404, "not_found", $"no file '{id}'");
            return;
        }

        context.Response.ContentType = "application/jsonl";
        await context.Response.Body.WriteAsync(file.Bytes, context.RequestAborted);
    }

    public async Task CreateAsync(HttpContext context)
    {
        CountAuthorization(context);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            await ChatCompletionsEndpoint.Error(context, 400, "invalid_request_error", "the request body is not valid JSON");
            return;
        }

        using (document)
        {
            var body = document.RootElement;
            var inputFile = Text(body, "input_file_id");
            var endpoint = Text(body, "endpoint");
            var window = Text(body, "completion_window");
            if (inputFile is null || !_files.ContainsKey(inputFile))
            {
                await ChatCompletionsEndpoint.Error(context, 400, "invalid_request_error", $"input_file_id '{inputFile}' is not an uploaded file");
                return;
            }

            if (endpoint != ChatEndpoint)
            {
                await ChatCompletionsEndpoint.Error(context, 400, "invalid_request_error", $"endpoint must be {ChatEndpoint}");
                return;
            }

            if (window is null)
            {
                await ChatCompletionsEndpoint.Error(context, 400, "invalid_request_error", "completion_window is required (e.g. 24h)");
                return;
            }

            var batch = new SimBatch("batch_sim_" + Next(), inputFile, window, timeProvider.GetUtcNow());
            _batches[batch.Id] = batch;
            Validate(batch);
            stats.BatchCreated();
            await Json(context, w => WriteBatch(w, batch));
        }
    }

    public async Task GetAsync(HttpContext context, string id)
    {
        CountAuthorization(context);
        stats.BatchPolled();
        if (!_batches.TryGetValue(id, out var batch))
        {
            await ChatCompletionsEndpoint.Error(context, 404, "not_found", $"no batch '{id}'");
            return;
        }

        Advance(batch);
        await Json(context, w => WriteBatch(w, batch));
    }

    /// <summary>Every batch, newest first, in one page (the simulator keeps few).</summary>
    public async Task ListAsync(HttpContext context)
    {
        CountAuthorization(context);
        var batches = _batches.Values.OrderByDescending(b => b.Number).ToArray();
        foreach (var batch in batches)
            Advance(batch);
        await Json(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            foreach (var batch in batches)
                WriteBatch(w, batch);
            w.WriteEndArray();
            w.WriteBoolean("has_more", false);
            w.WriteEndObject();
        });
    }

    private void Advance(SimBatch batch)
    {
        lock (batch)
        {
            if (batch.Status == "in_progress" && timeProvider.GetUtcNow() - batch.Created >= TimeSpan.FromSeconds(options.BatchDelaySeconds))
                Complete(batch);
        }
    }

    /// <summary>A batch whose input is not a valid batch file fails at once, with the reason in <c>errors</c>.</summary>
    private void Validate(SimBatch batch)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lines = Lines(batch);
        for (var i = 0; i < lines.Length; i++)
        {
            string? problem;
            try
            {
                using var document = JsonDocument.Parse(lines[i]);
                var root = document.RootElement;
                var customId = root.ValueKind == JsonValueKind.Object ? Text(root, "custom_id") : null;
                problem = customId is null ? "custom_id is missing"
                    : !ids.Add(customId) ? $"custom_id '{customId}' is used twice"
                    : Text(root, "method") != "POST" ? "method must be POST"
                    : Text(root, "url") != ChatEndpoint ? $"url must be {ChatEndpoint}"
                    : !root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object ? "body must be an object"
                    : null;
            }
            catch (JsonException ex)
            {
                problem = "not JSON: " + ex.Message;
            }

            if (problem is not null)
            {
                batch.Status = "failed";
                batch.Errors = string.Create(CultureInfo.InvariantCulture, $"line {i + 1}: {problem}");
                return;
            }
        }

        batch.Total = lines.Length;
    }

    private void Complete(SimBatch batch)
    {
        var output = new StringBuilder();
        var errors = new StringBuilder();
        foreach (var line in Lines(batch))
        {
            using var document = JsonDocument.Parse(line);
            var customId = document.RootElement.GetProperty("custom_id").GetString()!;
            var requestId = "batch_req_sim_" + Next();
            var request = ChatRequest.TryParse(document.RootElement.GetProperty("body"), out var problem);
            if (request is null || Fails(batch.Id, customId))
            {
                batch.Failed++;
                errors.Append(CultureInfo.InvariantCulture,
                    $$$"""{"id": "{{{requestId}}}", "custom_id": {{{JsonSerializer.Serialize(customId)}}}, "response": null, "error": {"code": "{{{(request is null ? "invalid_request" : "server_error")}}}", "message": {{{JsonSerializer.Serialize(problem ?? "the simulated batch line failed")}}}}}""")
                    .Append('\n');
                continue;
            }

            var (status, body) = chat.Respond(request);
            var target = status == 200 ? output : errors;
            if (status == 200)
                batch.Completed++;
            else
                batch.Failed++;
            target.Append(CultureInfo.InvariantCulture,
                $$$"""{"id": "{{{requestId}}}", "custom_id": {{{JsonSerializer.Serialize(customId)}}}, "response": {"status_code": {{{status}}}, "request_id": "{{{requestId}}}", "body": {{{Encoding.UTF8.GetString(body)}}}}, "error": null}""")
                .Append('\n');
        }

        var now = Now();
        if (output.Length > 0)
            batch.OutputFileId = Store("batch_output.jsonl", output, now);
        if (errors.Length > 0)
            batch.ErrorFileId = Store("batch_errors.jsonl", errors, now);
        batch.Status = "completed";
        batch.CompletedAt = now;
    }

    private string Store(string name, StringBuilder content, long created)
    {
        var file = new SimFile("file-sim-" + Next(), name, "batch_output", Encoding.UTF8.GetBytes(content.ToString()), created);
        _files[file.Id] = file;
        return file.Id;
    }

    private string[] Lines(SimBatch batch) =>
        Encoding.UTF8.GetString(_files[batch.InputFileId].Bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Seeded by the batch too, so a line that failed can succeed when it is sent again in a new batch.</summary>
    private bool Fails(string batchId, string customId) =>
        options.BatchFailRate > 0
        && StableHash.Random("batch", options.Seed.ToString(CultureInfo.InvariantCulture), batchId, customId).NextDouble() < options.BatchFailRate;

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeSeconds();

    private string Next() => Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);

    private void CountAuthorization(HttpContext context)
    {
        if (context.Request.Headers.Authorization is { Count: > 0 } authorization)
            stats.AuthorizationHeaders.AddOrUpdate(authorization.ToString(), 1, (_, n) => n + 1);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task Json(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        write(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    private static void WriteFile(Utf8JsonWriter writer, SimFile file)
    {
        writer.WriteStartObject();
        writer.WriteString("id", file.Id);
        writer.WriteString("object", "file");
        writer.WriteNumber("bytes", file.Bytes.Length);
        writer.WriteNumber("created_at", file.Created);
        writer.WriteString("filename", file.Name);
        writer.WriteString("purpose", file.Purpose);
        writer.WriteEndObject();
    }

    private static void WriteBatch(Utf8JsonWriter writer, SimBatch batch)
    {
        lock (batch)
        {
            writer.WriteStartObject();
            writer.WriteString("id", batch.Id);
            writer.WriteString("object", "batch");
            writer.WriteString("endpoint", ChatEndpoint);
            if (batch.Errors is { } message)
            {
                writer.WriteStartObject("errors");
                writer.WriteString("object", "list");
                writer.WriteStartArray("data");
                writer.WriteStartObject();
                writer.WriteString("code", "invalid_input_file");
                writer.WriteString("message", message);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("errors");
            }

            writer.WriteString("input_file_id", batch.InputFileId);
            writer.WriteString("completion_window", batch.Window);
            writer.WriteString("status", batch.Status);
            writer.WriteString("output_file_id", batch.OutputFileId);
            writer.WriteString("error_file_id", batch.ErrorFileId);
            writer.WriteNumber("created_at", batch.Created.ToUnixTimeSeconds());
            if (batch.CompletedAt is { } completed)
                writer.WriteNumber("completed_at", completed);
            else
                writer.WriteNull("completed_at");
            writer.WriteStartObject("request_counts");
            writer.WriteNumber("total", batch.Total);
            writer.WriteNumber("completed", batch.Completed);
            writer.WriteNumber("failed", batch.Failed);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }

    private sealed record SimFile(string Id, string Name, string Purpose, byte[] Bytes, long Created);

    private sealed class SimBatch(string id, string inputFileId, string window, DateTimeOffset created)
    {
        public string Id { get; } = id;

        public long Number { get; } = long.Parse(id.AsSpan(id.LastIndexOf('_') + 1), CultureInfo.InvariantCulture);

        public string InputFileId { get; } = inputFileId;

        public string Window { get; } = window;

        public DateTimeOffset Created { get; } = created;

        public string Status { get; set; } = "in_progress";

        public string? Errors { get; set; }

        public string? OutputFileId { get; set; }

        public string? ErrorFileId { get; set; }

        public long? CompletedAt { get; set; }

        public int Total { get; set; }

        public int Completed { get; set; }

        public int Failed { get; set; }
    }
}
