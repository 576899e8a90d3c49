using System.Buffers;
using SycoBench.Html;
using SycoBench.Labeling.Storage;
using SycoBench.Labeling.Web.Html;
using SycoBench.Labeling.Web.Pages;
using SycoBench.Records;
using SycoBench.Reviews;

namespace SycoBench.Labeling.Web.Admin;

/// <summary>Admin pages behind the admin token: status per dataset, reviewers, and the reviews export.</summary>
internal static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app, AdminAccess access, SignInThrottle throttle)
    {
        app.MapGet("/admin/signin", (HttpContext context) => SignInForm(context, null, StatusCodes.Status200OK));
        app.MapPost("/admin/signin", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (!access.Matches(form["token"].ToString()))
                return SignInForm(context, "That is not the admin token.", StatusCodes.Status401Unauthorized);
            await AdminAccess.SignInAsync(context);
            return TypedResults.Redirect("/admin");
        }).AddEndpointFilter(throttle.Require).AddEndpointFilter(FormPostCheck.Require);

        var admin = app.MapGroup("/admin").AddEndpointFilter(access.RequireAdmin);
        admin.MapGet("/", Status);
        admin.MapGet("/reviewers", Reviewers);
        admin.MapGet("/export/{dataset}", ExportAsync);
    }

    private static IResult Status(HttpContext context, LabelStore store)
    {
        var rows = store.Datasets.ListWithBuiltIn().Select(labelDataset =>
        {
            var dataset = labelDataset.Name;
            var s = store.Items.Status(dataset);
            return H.Html($"""
                <tr><td>{dataset}</td><td>{labelDataset.Scale.Describe()}</td><td class="num">{s.Items}</td>
                <td class="num">{s.ItemsByReviewCount[0]}</td><td class="num">{s.ItemsByReviewCount[1]}</td>
                <td class="num">{s.ItemsByReviewCount[2]}</td><td class="num">{s.ItemsByReviewCount[3]}</td>
                <td class="num">{s.Reviews}</td><td class="num">{s.Reviewers}</td><td class="num">{s.LiveLeases}</td>
                <td class="num">{Layout.Percent(s.Coverage)}</td>
                <td><a href="/admin/export/{dataset}?format=jsonl">JSONL</a> <a href="/admin/export/{dataset}?format=csv">CSV</a></td></tr>
                """);
        });
        return Layout.Page(context, "Admin", H.Html($"""
            <h1>Status</h1>
            <p><a href="/admin/reviewers">Reviewers</a></p>
            <table class="status-table">
            <thead><tr><th>dataset</th><th>scale</th><th>items</th><th>0 reviews</th><th>1</th><th>2</th><th>3+</th><th>reviews</th><th>reviewers</th><th>leased now</th><th>coverage</th><th>export</th></tr></thead>
            <tbody>{H.Join(rows)}</tbody>
            </table>
            """));
    }

    private static IResult Reviewers(HttpContext context, LabelStore store)
    {
        var rows = store.Reviewers.List().Select(r => H.Html($"""
            <tr><td>{r.Account.Code}</td><td>{r.Account.Name}</td><td class="num">{r.Reviews}</td>
            <td>{r.LastReviewAt ?? "—"}</td><td>{r.Account.CreatedAt}</td><td>{(r.Account.IsActive ? "active" : "disabled " + r.Account.DisabledAt)}</td></tr>
            """));
        return Layout.Page(context, "Reviewers", H.Html($"""
            <h1>Reviewers</h1>
            <p><a href="/admin">Status</a>. Add reviewers with <code>sycobench portal reviewers add NAME</code>.</p>
            <table><thead><tr><th>code</th><th>name</th><th>reviews</th><th>last review</th><th>added</th><th>state</th></tr></thead>
            <tbody>{H.Join(rows)}</tbody></table>
            """));
    }

    private static async Task ExportAsync(string dataset, string? format, HttpContext context, LabelStore store)
    {
        // A refusal says what was wrong, as the command line's does: an empty 404 left a typo in a script's URL unexplained.
        // A misspelt parameter (?fromat=csv) would otherwise download JSONL as if asked for; a repeated one, one of two.
        if (context.Request.Query.FirstOrDefault(q => q.Key != "format" || q.Value.Count != 1) is { Key: not null } odd)
        {
            var why = odd.Key == "format" ? "'format' given more than once" : $"unknown query parameter '{odd.Key}'";
            await RefuseAsync(context, StatusCodes.Status400BadRequest, why + " (the export takes ?format=jsonl or ?format=csv)");
            return;
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (store.Datasets.FindOrBuiltIn(dataset) is null)
        {
            var known = string.Join(", ", store.Datasets.ListWithBuiltIn().Select(d => d.Name));
            await RefuseAsync(context, StatusCodes.Status404NotFound, $"no dataset '{dataset}' (known: {known})");
            return;
        }

        if (format is not null && !csv && !string.Equals(format, "jsonl", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"format must be jsonl or csv, not '{format}'");
            return;
        }

        var response = context.Response;
        response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"reviews-{dataset}.{(csv ? "csv" : "jsonl")}\"";
        response.Headers.CacheControl = "no-store";
        if (csv)
        {
            await using var writer = new StreamWriter(response.Body, leaveOpen: true);
            await ReviewCsv.WriteAsync(writer, store.Export.Reviews(dataset), context.RequestAborted);
            return;
        }

        var line = new ArrayBufferWriter<byte>(1024);
        foreach (var review in store.Export.Reviews(dataset))
        {
            line.ResetWrittenCount();
            PythonStyleJson.Serialize(review, RecordJsonContext.Default.ReviewExport, line);
            await response.Body.WriteAsync(line.WrittenMemory, context.RequestAborted);
            await response.Body.WriteAsync("\n"u8.ToArray(), context.RequestAborted);
        }
    }

    /// <summary>A refusal of the export as one line of plain text (a script's download, not a page).</summary>
    private static Task RefuseAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("error: " + message + "\n", context.RequestAborted);
    }

    private static IResult SignInForm(HttpContext context, string? error, int statusCode)
    {
        var message = error is null ? SafeHtml.Empty : H.Html($"<p class=\"error\" role=\"alert\">{error}</p>");
        return Layout.Page(context, "Admin sign-in", H.Html($"""
            <h1>Admin sign-in</h1>
            {message}
            <form method="post" action="/admin/signin" class="signin">
            {Layout.AntiforgeryField(context)}
            <label for="token">Admin token</label>
            <input id="token" name="token" type="password" autocomplete="off" required maxlength="200" autofocus>
            <button type="submit">Sign in</button>
            </form>
            """), statusCode);
    }
}
