using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace SycoBench.Simulator.Tests;

/// <summary>The simulator's Batch API over real HTTP on loopback: upload, create, poll, download.</summary>
public sealed class BatchEndpointTests
{
    private static readonly string Scenarios = Path.Combine(AppContext.BaseDirectory, "data", "scenarios");

    private static string Line(string customId, string model, string content = "Should the rent go up?") =>
        JsonSerializer.Serialize(new
        {
            custom_id = customId,
            method = "POST",
            url = "/v1/chat/completions",
            body = new { model, messages = new[] { new { role = "user", content } } },
        });

    [Fact]
    public async Task A_batch_stays_in_progress_for_its_delay_then_answers_every_line_and_counts_one_batch()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await SimServer.StartAsync(new SimOptions { Port = 0, BatchDelaySeconds = 60, ScenarioDirectories = [Scenarios] }, timeProvider: time);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/") };

        var fileId = await UploadAsync(http, Line("a#0", "sim/balanced"), Line("b#0", "sim/nonexistent"), Line("c#1", "sim/sycophant"));
        var created = await PostJsonAsync(http, "batches", $$"""{"input_file_id": "{{fileId}}", "endpoint": "/v1/chat/completions", "completion_window": "24h"}""");
        var batchId = created.GetProperty("id").GetString()!;
        Assert.Equal("in_progress", created.GetProperty("status").GetString());
        Assert.Equal(3, created.GetProperty("request_counts").GetProperty("total").GetInt32());

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("in_progress", (await GetJsonAsync(http, "batches/" + batchId)).GetProperty("status").GetString());
        time.Advance(TimeSpan.FromSeconds(1));
        var done = await GetJsonAsync(http, "batches/" + batchId);

        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(2, done.GetProperty("request_counts").GetProperty("completed").GetInt32());
        Assert.Equal(1, done.GetProperty("request_counts").GetProperty("failed").GetInt32());
        var output = await http.GetStringAsync($"files/{done.GetProperty("output_file_id").GetString()}/content");
        var answers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["a#0", "c#1"], answers.Select(a => a.GetProperty("custom_id").GetString()));
        Assert.All(answers, a => Assert.Equal(200, a.GetProperty("response").GetProperty("status_code").GetInt32()));
        Assert.False(string.IsNullOrEmpty(answers[0].GetProperty("response").GetProperty("body").GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()));
        var errors = await http.GetStringAsync($"files/{done.GetProperty("error_file_id").GetString()}/content");
        var error = JsonDocument.Parse(errors.Trim()).RootElement;
        Assert.Equal("b#0", error.GetProperty("custom_id").GetString());
        Assert.Equal(404, error.GetProperty("response").GetProperty("status_code").GetInt32());

        var list = await GetJsonAsync(http, "batches");
        Assert.Equal(fileId, list.GetProperty("data")[0].GetProperty("input_file_id").GetString());
        Assert.Equal(1, server.Stats.BatchesCreated);
        Assert.Equal(1, server.Stats.FilesUploaded);
        Assert.Equal(0, server.Stats.Requests);
    }

    [Fact]
    public async Task The_fail_rate_sends_a_seeded_share_of_lines_to_the_error_file_drawn_anew_for_each_batch()
    {
        await using var server = await SimServer.StartAsync(new SimOptions { Port = 0, BatchFailRate = 0.5, Seed = 3, ScenarioDirectories = [Scenarios] });
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/") };
        var lines = Enumerable.Range(0, 40).Select(i => Line($"p{i}#0", "sim/balanced")).ToArray();

        async Task<(int Completed, int Failed, string[] FailedIds)> RunAsync()
        {
            var fileId = await UploadAsync(http, lines);
            var created = await PostJsonAsync(http, "batches", $$"""{"input_file_id": "{{fileId}}", "endpoint": "/v1/chat/completions", "completion_window": "24h"}""");
            var done = await GetJsonAsync(http, "batches/" + created.GetProperty("id").GetString());
            var errors = await http.GetStringAsync($"files/{done.GetProperty("error_file_id").GetString()}/content");
            var ids = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement)
                .Where(e => e.GetProperty("error").GetProperty("code").GetString() == "server_error")
                .Select(e => e.GetProperty("custom_id").GetString()!)
                .ToArray();
            var counts = done.GetProperty("request_counts");
            return (counts.GetProperty("completed").GetInt32(), counts.GetProperty("failed").GetInt32(), ids);
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(40, first.Completed + first.Failed);
        Assert.InRange(first.Failed, 10, 30);
        Assert.NotEqual(first.FailedIds, second.FailedIds);
        Assert.Equal(2, server.Stats.BatchesCreated);
    }

    [Fact]
    public async Task An_input_file_with_a_repeated_custom_id_fails_the_whole_batch_with_the_line_named()
    {
        await using var server = await SimServer.StartAsync(new SimOptions { Port = 0, ScenarioDirectories = [Scenarios] });
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/") };
        var fileId = await UploadAsync(http, Line("a#0", "sim/balanced"), Line("a#0", "sim/balanced"));

        var created = await PostJsonAsync(http, "batches", $$"""{"input_file_id": "{{fileId}}", "endpoint": "/v1/chat/completions", "completion_window": "24h"}""");

        Assert.Equal("failed", created.GetProperty("status").GetString());
        Assert.Contains("line 2", created.GetProperty("errors").GetProperty("data")[0].GetProperty("message").GetString());
        var unknown = await http.PostAsync("batches", new StringContent("""{"input_file_id": "file-none", "endpoint": "/v1/chat/completions", "completion_window": "24h"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public void A_fail_rate_outside_0_to_1_or_a_negative_delay_is_refused()
    {
        Assert.Throws<InputException>(() => new SimOptions { BatchFailRate = 1.5 }.Validate());
        Assert.Throws<InputException>(() => new SimOptions { BatchDelaySeconds = -1 }.Validate());
    }

    private static async Task<string> UploadAsync(HttpClient http, params string[] lines)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("batch"), "purpose");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/jsonl");
        content.Add(file, "file", "batch.jsonl");
        using var response = await http.PostAsync("files", content);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> PostJsonAsync(HttpClient http, string path, string body)
    {
        using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path) =>
        JsonDocument.Parse(await http.GetStringAsync(path)).RootElement.Clone();
}
