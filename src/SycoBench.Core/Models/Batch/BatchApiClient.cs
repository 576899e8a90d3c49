using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SycoBench.Models.Batch;

/// <summary>
/// The OpenAI-compatible Batch API over HTTP, as OpenAI and Groq serve it: upload a JSONL file (<c>POST /files</c>,
/// purpose <c>batch</c>), create a batch (<c>POST /batches</c>), read one (<c>GET /batches/{id}</c>) or list them
/// (<c>GET /batches</c>), and download a file's content (<c>GET /files/{id}/content</c>). The OpenAI SDK's batch client
/// is an experimental protocol-level surface (raw JSON in and out), so the calls are made here directly; an error
/// carries the status code and the provider's message.
/// </summary>
public sealed class BatchApiClient(HttpClient http, Uri baseUrl, string? apiKey)
{
    public const string ChatEndpoint = "/v1/chat/completions";

    public async Task<string> UploadAsync(byte[] jsonl, string fileName, CancellationToken cancellationToken = default)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("batch"), "purpose");
        var file = new ByteArrayContent(jsonl);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/jsonl");
        content.Add(file, "file", fileName);
        using var document = await SendAsync(HttpMethod.Post, "files", content, cancellationToken).ConfigureAwait(false);
        return document.RootElement.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } fileId
            ? fileId
            : throw new HttpRequestException("POST files: the answer has no file 'id'");
    }

    public async Task<BatchState> CreateAsync(string inputFileId, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.Serialize(
            new Dictionary<string, string> { ["input_file_id"] = inputFileId, ["endpoint"] = ChatEndpoint, ["completion_window"] = "24h" },
            BatchJsonContext.Default.DictionaryStringString);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var document = await SendAsync(HttpMethod.Post, "batches", content, cancellationToken).ConfigureAwait(false);
        return BatchState.From(document.RootElement);
    }

    public async Task<BatchState> GetAsync(string batchId, CancellationToken cancellationToken = default)
    {
        using var document = await SendAsync(HttpMethod.Get, "batches/" + Uri.EscapeDataString(batchId), null, cancellationToken).ConfigureAwait(false);
        return BatchState.From(document.RootElement);
    }

    /// <summary>
    /// The batch created from <paramref name="inputFileId"/>, or null: how a process killed between creating a batch
    /// and recording its id finds it again instead of creating a second one. Reads the newest batches page by page.
    /// </summary>
    public async Task<BatchState?> FindByInputFileAsync(string inputFileId, int maxPages = 10, CancellationToken cancellationToken = default)
    {
        string? after = null;
        for (var page = 0; page < maxPages; page++)
        {
            var path = "batches?limit=100" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            using var document = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                return null;
            BatchState? last = null;
            foreach (var item in data.EnumerateArray())
            {
                last = BatchState.From(item);
                if (last.InputFileId == inputFileId)
                    return last;
            }

            if (last is null || !(root.TryGetProperty("has_more", out var more) && more.ValueKind == JsonValueKind.True))
                return null;
            after = last.Id;
        }

        return null;
    }

    public async Task<string> DownloadAsync(string fileId, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Get, "files/" + Uri.EscapeDataString(fileId) + "/content", null);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? text : throw Failure(request, response, text);
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, content);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw Failure(request, response, text);
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new HttpRequestException($"{method} {request.RequestUri}: the Batch API answered with a body that is not JSON ({ex.Message})", ex);
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, new Uri(baseUrl.ToString().TrimEnd('/') + "/" + path)) { Content = content };
        if (apiKey is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return request;
    }

    private static HttpRequestException Failure(HttpRequestMessage request, HttpResponseMessage response, string body)
    {
        var message = body.Length > 300 ? body[..300] + "…" : body;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m))
                message = m.GetString() ?? message;
        }
        catch (JsonException)
        {
        }

        return new HttpRequestException(
            $"{request.Method} {request.RequestUri?.AbsolutePath}: HTTP {(int)response.StatusCode} {response.StatusCode}: {message}", null, response.StatusCode);
    }
}
