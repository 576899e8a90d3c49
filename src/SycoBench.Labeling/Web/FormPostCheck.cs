using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection;
using SycoBench.Html;
using SycoBench.Labeling.Web.Html;

namespace SycoBench.Labeling.Web;

/// <summary>
/// Endpoint filter on every POST, run before anything is stored. The body must be a form (415 otherwise), no larger
/// than the server's limit (413), readable (400), name each field once (400: the form reader would join two values with
/// a comma, so <c>notes=a&amp;notes=b</c> was stored as "a,b"; no page sends a field twice), and carry the antiforgery
/// token of the page it came from (form field, or the <c>X-CSRF-TOKEN</c> header for scripts; 400 without it). Each
/// refusal says what was wrong, so the page can
/// tell the reviewer (whose draft stays in the browser) instead of sending them round a reload loop.
/// </summary>
internal static class FormPostCheck
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static async ValueTask<object?> Require(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (!context.Request.HasFormContentType)
        {
            return Refuse(context, StatusCodes.Status415UnsupportedMediaType,
                $"the request must be a form (application/x-www-form-urlencoded or multipart/form-data), not '{context.Request.ContentType ?? "no content type"}'; nothing was saved");
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(context, StatusCodes.Status413PayloadTooLarge,
                $"the request is larger than the {LabelingApp.MaxRequestBodyBytes / 1024} KB the server accepts (notes are at most 2,000 characters); nothing was saved");
        }
        catch (InvalidDataException ex)
        {
            return Refuse(context, StatusCodes.Status400BadRequest, $"the form could not be read ({ex.Message.TrimEnd('.')}); nothing was saved");
        }

        foreach (var (name, values) in form)
        {
            if (values.Count > 1)
                return Refuse(context, StatusCodes.Status400BadRequest, $"the form gives the field '{name}' {values.Count} times; send it once; nothing was saved");
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Refuse(context, StatusCodes.Status400BadRequest, "the request lacks a valid antiforgery token; reload the page");
        }

        return await next(invocation);
    }

    private static IResult Refuse(HttpContext context, int statusCode, string message) =>
        ReviewerIdentity.WantsJson(context.Request)
            ? TypedResults.Json(new ErrorBody(message), WebJsonContext.Default.ErrorBody, statusCode: statusCode)
            : Layout.Page(context, "Request refused",
                H.Html($"""
                    <h1>Request refused</h1><p class="error" role="alert">{Capitalised(message)}.</p>
                    <p>Go back and try again; a draft you were writing is kept in this browser.</p>
                    """),
                statusCode);

    private static string Capitalised(string message) => char.ToUpperInvariant(message[0]) + message[1..];
}
