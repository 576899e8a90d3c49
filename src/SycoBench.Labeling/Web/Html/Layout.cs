using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

using SycoBench.Html;

namespace SycoBench.Labeling.Web.Html;

/// <summary>The frame of every page: head, navigation, main content. No inline script or style (the CSP forbids both).</summary>
internal static class Layout
{
    public static IResult Page(HttpContext context, string title, SafeHtml main, int statusCode = StatusCodes.Status200OK, string? script = null, string? reviewerCode = null)
    {
        var nav = reviewerCode is null
            ? H.Html($"<a href=\"/guidelines\">Guidelines</a>")
            : H.Html($"""
                <a href="/">Datasets</a> <a href="/guidelines">Guidelines</a>
                <span class="who">Reviewer {reviewerCode}</span>
                <form method="post" action="/signout" class="inline">{AntiforgeryField(context)}<button type="submit" class="link">Sign out</button></form>
                """);
        var scriptTag = script is null ? SafeHtml.Empty : H.Html($"<script src=\"/static/{script}\" defer></script>");
        var page = H.Html($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{title} · SycoBench labeling</title>
            <link rel="stylesheet" href="/static/app.css">
            {scriptTag}
            </head>
            <body>
            <header><span class="brand">SycoBench labeling</span><nav>{nav}</nav></header>
            <main>
            {main}
            </main>
            </body>
            </html>
            """);
        return new HtmlResult(page.Value, statusCode);
    }

    public static SafeHtml AntiforgeryField(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery
            ?? throw new InvalidOperationException("antiforgery is not registered");
        var tokens = antiforgery.GetAndStoreTokens(context);
        return H.Html($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
    }

    public static string Percent(double share) => (share * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
