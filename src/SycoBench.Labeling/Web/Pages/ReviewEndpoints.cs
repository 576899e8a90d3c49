using System.Globalization;
using SycoBench.Html;
using SycoBench.Labeling.Storage;
using SycoBench.Labeling.Web.Html;

namespace SycoBench.Labeling.Web.Pages;

/// <summary>
/// The review page and its submission. The page shows the reviewer's current item (their lease, so a reload shows
/// the same item); the submission is one form post that scripts send with <c>Accept: application/json</c> and
/// browsers without scripts send as a plain form (answered with a redirect to the next item).
/// </summary>
internal static class ReviewEndpoints
{
    public static void MapReview(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/review/{dataset}").RequireAuthorization(LabelingApp.ReviewerPolicy);
        review.MapGet("/", ShowAsync);
        review.MapPost("/submit", SubmitAsync).AddEndpointFilter(FormPostCheck.Require);
        review.MapPost("/undo", UndoAsync).AddEndpointFilter(FormPostCheck.Require);
    }

    private static async Task<IResult> ShowAsync(string dataset, HttpContext context, LabelStore store, MarkdownRenderer markdown)
    {
        if (store.Datasets.FindOrBuiltIn(dataset) is not { } known)
            return NotFound(context);
        var reviewer = ReviewerIdentity.Code(context)!;
        var (assignment, coverage, progress) = await store.Assignments.NextWithCountsAsync(dataset, reviewer, context.RequestAborted);
        // The confirmation of the last save (with its undo) after a save; the word that it was undone after an undo.
        var query = context.Request.Query;
        var last = query.ContainsKey("saved") ? store.Assignments.Last(dataset, reviewer) : null;
        var notice = ReviewPage.Notice(context, dataset, last, undone: query.ContainsKey("undone"));
        var main = assignment is null
            ? H.Html($"{notice}<h1>{known.Scale.Title}</h1><p>{(coverage.Items == 0 ? "This dataset has no answers to review yet." : "There is no answer left for you to review in this dataset.")}</p>")
            : ReviewPage.Render(context, known, reviewer, assignment.Item, markdown, coverage, progress, notice);
        return Layout.Page(context, known.Scale.Title, main, script: "review.js", reviewerCode: reviewer);
    }

    private static async Task<IResult> SubmitAsync(string dataset, HttpContext context, LabelStore store)
    {
        if (store.Datasets.FindOrBuiltIn(dataset) is null)
            return NotFound(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!long.TryParse(form["item_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var itemId))
            return Refuse(context, dataset, StatusCodes.Status400BadRequest, "item_id is missing or not a number");
        var notes = form["notes"].ToString();
        var reviewer = ReviewerIdentity.Code(context)!;
        var submissionId = form["submission_id"].ToString();
        ReviewSubmission submission;
        // "1" is what the page's button sends; any other value is not understood, and guessing either way could store a
        // score the reviewer meant to withhold, or drop one they gave.
        var cannotJudge = form["cannot_judge"].ToString();
        if (cannotJudge is not ("" or "1"))
            return Refuse(context, dataset, StatusCodes.Status400BadRequest, $"cannot_judge must be 1 or left out, not '{cannotJudge}'");
        if (cannotJudge == "1")
        {
            submission = ReviewSubmission.CannotJudgeItem(reviewer, itemId, submissionId, notes) with { Dataset = dataset };
        }
        else
        {
            // No default: a score the reviewer did not set is never recorded (the page sends none until the slider moves).
            if (string.IsNullOrWhiteSpace(form["score"]))
                return Refuse(context, dataset, StatusCodes.Status400BadRequest, "no score was given: move the slider to your score, or choose \"Can't judge\"");
            if (!double.TryParse(form["score"], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
                return Refuse(context, dataset, StatusCodes.Status400BadRequest, "score is not a number");
            submission = new ReviewSubmission(reviewer, itemId, submissionId, score, notes) { Dataset = dataset };
        }

        var outcome = await store.Assignments.SubmitAsync(submission, context.RequestAborted);
        var next = "/review/" + dataset + "?saved=1";
        return outcome.Status switch
        {
            SubmitStatus.Stored or SubmitStatus.AlreadyStored when ReviewerIdentity.WantsJson(context.Request) =>
                TypedResults.Json(
                    new SavedBody(outcome.Status == SubmitStatus.Stored ? "stored" : "already_stored", outcome.ReviewId!.Value, next),
                    WebJsonContext.Default.SavedBody,
                    statusCode: outcome.Status == SubmitStatus.Stored ? StatusCodes.Status201Created : StatusCodes.Status200OK),
            SubmitStatus.Stored or SubmitStatus.AlreadyStored => TypedResults.Redirect(next),
            SubmitStatus.Invalid => Refuse(context, dataset, StatusCodes.Status400BadRequest, outcome.Message),
            SubmitStatus.UnknownItem => Refuse(context, dataset, StatusCodes.Status404NotFound, outcome.Message),
            _ => Refuse(context, dataset, StatusCodes.Status409Conflict, outcome.Message),
        };
    }

    private static async Task<IResult> UndoAsync(string dataset, HttpContext context, LabelStore store)
    {
        if (store.Datasets.FindOrBuiltIn(dataset) is null)
            return NotFound(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var outcome = await store.Assignments.UndoAsync(dataset, ReviewerIdentity.Code(context)!, form["submission_id"].ToString(), context.RequestAborted);
        if (!outcome.Undone)
            return Refuse(context, dataset, StatusCodes.Status409Conflict, outcome.Message);
        var next = "/review/" + dataset + "?undone=1";
        return ReviewerIdentity.WantsJson(context.Request)
            ? TypedResults.Json(new UndoneBody("undone", outcome.ItemId!.Value, next), WebJsonContext.Default.UndoneBody)
            : TypedResults.Redirect(next);
    }

    private static IResult Refuse(HttpContext context, string dataset, int statusCode, string message) =>
        ReviewerIdentity.WantsJson(context.Request)
            ? TypedResults.Json(new ErrorBody(message), WebJsonContext.Default.ErrorBody, statusCode: statusCode)
            : Layout.Page(context, "Not saved", H.Html($"""
                <h1>Not saved</h1><p class="error" role="alert">{message}</p>
                <p><a href="/review/{dataset}">Back to the review</a> (your draft is kept in this browser).</p>
                """), statusCode, reviewerCode: ReviewerIdentity.Code(context));

    private static IResult NotFound(HttpContext context) =>
        Layout.Page(context, "Not found", H.Html($"<h1>Not found</h1><p>There is no such dataset. <a href=\"/\">Datasets</a></p>"),
            StatusCodes.Status404NotFound, reviewerCode: ReviewerIdentity.Code(context));
}
