using Microsoft.AspNetCore.Http;

namespace SycoBench.Labeling.Web.Html;

/// <summary>A whole HTML page as the response; pages are personal, so nothing is cached.</summary>
internal sealed class HtmlResult(string html, int statusCode) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        httpContext.Response.Headers.CacheControl = "no-store";
        return httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
    }
}
