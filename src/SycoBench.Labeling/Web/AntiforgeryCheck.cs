using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SycoBench.Labeling.Web.Html;

namespace SycoBench.Labeling.Web;

/// <summary>
/// Endpoint filter on every POST: the request must carry the antiforgery token of the page it came from (form field,
/// or the <c>X-CSRF-TOKEN</c> header for scripts), or it is refused with 400 before anything is read or stored.
/// </summary>
internal static class AntiforgeryCheck
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static async ValueTask<object?> Require(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Refuse(context);
        }
        catch (InvalidDataException)
        {
            // A body the form reader cannot parse (or one over the size limit) has no valid token either.
            return Refuse(context);
        }

        return await next(invocation);
    }

    private static IResult Refuse(HttpContext context) =>
        ReviewerIdentity.WantsJson(context.Request)
            ? TypedResults.Json(new ErrorBody("the request lacks a valid antiforgery token; reload the page"), WebJsonContext.Default.ErrorBody, statusCode: StatusCodes.Status400BadRequest)
            : Layout.Page(context, "Request refused",
                H.Html($"<h1>Request refused</h1><p>The form was too old or did not come from this site. Go back, reload the page and try again.</p>"),
                StatusCodes.Status400BadRequest);
}
