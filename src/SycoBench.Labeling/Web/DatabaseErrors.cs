using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SycoBench.Html;
using SycoBench.Labeling.Storage;
using SycoBench.Labeling.Web.Html;

namespace SycoBench.Labeling.Web;

/// <summary>
/// Turns a database failure during a request (the file locked by another program past the busy timeout, deleted,
/// made read-only, corrupted) into a short page or JSON error: 503 for a lock, which passes, 500 otherwise. The
/// reviewer sees what happened and that the draft is kept; the log gets one line naming the file, not a stack trace.
/// </summary>
internal static class DatabaseErrors
{
    private static string ErrorCode(DbException exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => $"SQLite error {sqlite.SqliteErrorCode}",
        _ => $"database error {exception.SqlState ?? exception.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
    };

    public static async Task Handle(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (DbException ex)
        {
            var store = context.RequestServices.GetRequiredService<LabelStore>();
            var busy = store.IsBusy(ex);
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SycoBench.Labeling")
                .LogError("{Database}: {Problem} ({Method} {Path}: {Error}: {Message})",
                    store.Path, busy ? "locked by another program" : "not usable", context.Request.Method, context.Request.Path.Value,
                    ErrorCode(ex), ex.Message);
            if (context.Response.HasStarted)
            {
                // Part of a download went out already: cut it off, so it cannot pass for a whole one.
                context.Abort();
                return;
            }

            var message = busy
                ? "The label database is busy (locked by another program). Nothing was saved; try again in a moment."
                : "The label database cannot be used right now. Nothing was saved; tell the study's admin.";
            var status = busy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
            // Drop whatever the endpoint had set (a download's Content-Disposition, say), but keep the security headers.
            context.Response.Clear();
            SecurityHeaders.SetOn(context.Response);
            if (busy)
                context.Response.Headers.RetryAfter = "5";
            var result = ReviewerIdentity.WantsJson(context.Request)
                ? TypedResults.Json(new ErrorBody(message), WebJsonContext.Default.ErrorBody, statusCode: status)
                : Layout.Page(context, "Database unavailable", H.Html($"""
                    <h1>Database unavailable</h1><p class="error" role="alert">{message}</p>
                    <p>A draft you were writing is kept in this browser.</p>
                    """), status);
            await result.ExecuteAsync(context);
        }
    }
}
