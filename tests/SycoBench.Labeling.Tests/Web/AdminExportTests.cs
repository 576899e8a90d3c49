using System.Net.Http.Headers;
using System.Text.Json;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Web;

public sealed class AdminExportTests
{
    [Fact]
    public async Task Export_downloads_the_reviews_as_jsonl_and_csv()
    {
        await using var server = await LabelingServer.StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(3));
        var reviewer = server.Store.Reviewers.Add("Ada").Account.Code;
        var assignment = await server.Store.Assignments.NextAsync("scenario", reviewer);
        await server.Store.Assignments.SubmitAsync(new ReviewSubmission(reviewer, assignment!.Item.Id, Guid.NewGuid().ToString("N"), -0.25, "a, \"quoted\" note\nwith a line break"));
        var client = server.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LabelingServer.AdminToken);

        var jsonl = await client.GetAsync("/admin/export/scenario");
        var csv = await client.GetAsync("/admin/export/scenario?format=csv");
        var unknown = await client.GetAsync("/admin/export/reddit");

        Assert.Equal("application/x-ndjson", jsonl.Content.Headers.ContentType!.MediaType);
        var line = Assert.Single((await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var review = JsonDocument.Parse(line);
        Assert.Equal(reviewer, review.RootElement.GetProperty("reviewer_code").GetString());
        Assert.Equal(-0.25, review.RootElement.GetProperty("score").GetDouble());
        Assert.Equal("model-0|000|0", review.RootElement.GetProperty("identifier").GetString());
        var csvText = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("llm_response_id,reviewer_code,score,notes,review_created_at,dataset,identifier,model_id,run_id,metadata,prompt_title,prompt_body,model_response_text,review_updated_at\n", csvText, StringComparison.Ordinal);
        Assert.Contains(",-0.25,\"a, \"\"quoted\"\" note\nwith a line break\",", csvText, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("/admin/export/reddit", 404, "error: no dataset 'reddit' (known: aita, scenario)")]
    [InlineData("/admin/export/scenario?format=xml", 400, "error: format must be jsonl or csv, not 'xml'")]
    [InlineData("/admin/export/scenario?format=", 400, "error: format must be jsonl or csv, not ''")]
    [InlineData("/admin/export/scenario?fromat=csv", 400, "error: unknown query parameter 'fromat' (the export takes ?format=jsonl or ?format=csv)")]
    [InlineData("/admin/export/scenario?format=csv&since=2026-01-01", 400, "error: unknown query parameter 'since' (the export takes ?format=jsonl or ?format=csv)")]
    [InlineData("/admin/export/scenario?format=csv&format=jsonl", 400, "error: 'format' given more than once (the export takes ?format=jsonl or ?format=csv)")]
    public async Task An_export_that_cannot_be_given_says_why(string path, int status, string message)
    {
        // Both were an empty 404: a script's typo in the dataset or the format looked like a missing page.
        await using var server = await LabelingServer.StartAsync();
        var client = server.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LabelingServer.AdminToken);

        var response = await client.GetAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(message, (await response.Content.ReadAsStringAsync()).TrimEnd());
    }
}
