using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Web;

/// <summary>A database another program holds locked: clear messages and statuses, no stack trace, nothing stored.</summary>
public sealed class DatabaseErrorTests
{
    /// <summary>
    /// How long the store waits for the lock before it gives up: short, so each test waits about a second (the
    /// provider's retries last at least a whole second) instead of the five seconds a real store waits.
    /// </summary>
    private static readonly TimeSpan ShortWait = TimeSpan.FromMilliseconds(100);

    private static Task<LabelingServer> StartAsync() => LabelingServer.StartAsync(options => options with { SqliteBusyTimeout = ShortWait });

    /// <summary>Takes the write lock on the file the way another program (a second server, a script) would.</summary>
    private static SqliteConnection Lock(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE";
        command.ExecuteNonQuery();
        return connection;
    }

    [Fact]
    public async Task A_locked_database_gives_a_clear_503_and_the_submission_is_not_stored()
    {
        await using var server = await StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(2));
        var (client, _) = await server.SignedInReviewerAsync();
        var page = await client.GetStringAsync("/review/scenario");

        HttpResponseMessage submit;
        using (Lock(server.DatabasePath))
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/review/scenario/submit")
            {
                Content = LabelingServer.Form(page,
                    ("item_id", LabelingServer.Field(page, "item_id")), ("submission_id", Guid.NewGuid().ToString("N")), ("score", "0.4")),
            };
            request.Headers.Accept.ParseAdd("application/json");
            submit = await client.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, submit.StatusCode);
        using var body = JsonDocument.Parse(await submit.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error").GetString()!;
        Assert.Contains("busy", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Empty(server.Store.Export.Reviews("scenario"));

        // Once the lock is gone the same draft saves.
        var retry = new HttpRequestMessage(HttpMethod.Post, "/review/scenario/submit")
        {
            Content = LabelingServer.Form(page,
                ("item_id", LabelingServer.Field(page, "item_id")), ("submission_id", Guid.NewGuid().ToString("N")), ("score", "0.4")),
        };
        retry.Headers.Accept.ParseAdd("application/json");
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(retry)).StatusCode);
    }

    [Fact]
    public async Task A_locked_database_gives_a_page_that_says_so_to_a_browser()
    {
        await using var server = await StartAsync();
        server.Store.Items.Push("scenario", Seeds.Many(2));
        var (client, _) = await server.SignedInReviewerAsync();

        HttpResponseMessage response;
        using (Lock(server.DatabasePath))
            response = await client.GetAsync("/review/scenario");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("locked by another program", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_locked_database_names_the_file_and_the_lock()
    {
        using var dir = new TempDirectory();
        var path = dir.File("labels.db");
        LabelStore.Open(path).Dispose();

        InputException error;
        using (Lock(path))
            error = Assert.Throws<InputException>(() => LabelStore.Open(LabelStoreLocation.File(path) with { SqliteBusyTimeout = ShortWait }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("locked by another program", error.Message, StringComparison.Ordinal);
    }
}
