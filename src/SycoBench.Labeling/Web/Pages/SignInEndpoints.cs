using Microsoft.AspNetCore.Authentication;
using SycoBench.Html;
using SycoBench.Labeling.Storage;
using SycoBench.Labeling.Web.Html;

namespace SycoBench.Labeling.Web.Pages;

/// <summary>Reviewer sign-in with a code from the allow-list, and sign-out.</summary>
internal static class SignInEndpoints
{
    public static void MapSignIn(this IEndpointRouteBuilder app, SignInThrottle throttle)
    {
        app.MapGet("/signin", (HttpContext context) => Form(context, null, StatusCodes.Status200OK));
        app.MapPost("/signin", SignInAsync).AddEndpointFilter(throttle.Require).AddEndpointFilter(FormPostCheck.Require);
        app.MapPost("/signout", async (HttpContext context, LabelStore store) =>
        {
            await ReviewerIdentity.SignOutAsync(context, store);
            return TypedResults.Redirect("/signin");
        }).AddEndpointFilter(FormPostCheck.Require);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, LabelStore store)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var reviewer = store.Reviewers.FindBySignInCode(form["code"].ToString());
        if (reviewer is null)
            return Form(context, "That code is not known. Check it, or ask the study's admin for yours.", StatusCodes.Status401Unauthorized);
        await ReviewerIdentity.SignInAsync(context, store, reviewer);
        return TypedResults.Redirect("/", permanent: false, preserveMethod: false);
    }

    private static IResult Form(HttpContext context, string? error, int statusCode)
    {
        var message = error is null ? SafeHtml.Empty : H.Html($"<p class=\"error\" role=\"alert\">{error}</p>");
        return Layout.Page(context, "Sign in", H.Html($"""
            <h1>Sign in</h1>
            <p>Enter the reviewer code you were given. This browser will remember you.</p>
            {message}
            <form method="post" action="/signin" class="signin">
            {Layout.AntiforgeryField(context)}
            <label for="code">Reviewer code</label>
            <input id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" required maxlength="100" autofocus>
            <button type="submit">Sign in</button>
            </form>
            """), statusCode);
    }
}
