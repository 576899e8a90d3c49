using Microsoft.AspNetCore.Http;
using SycoBench.Html;
using SycoBench.Labeling.Storage;
using SycoBench.Labeling.Web.Html;

namespace SycoBench.Labeling.Web.Pages;

/// <summary>
/// The review form for one item: prompt (plain text), answer (sanitised markdown), the slider with the scale's
/// anchors, notes, and the reviewer's progress and the dataset's coverage. Nothing on it names the model or a judge.
/// The slider starts unset and no score is sent until the reviewer moves it ("Save" stays disabled until then);
/// "Can't judge" is the other way to finish an item. After a save the page confirms it, with an undo while the
/// answer is still held for the reviewer.
/// </summary>
internal static class ReviewPage
{
    public static SafeHtml Render(
        HttpContext context, LabelDataset labelDataset, string reviewer, LabelItem item, MarkdownRenderer markdown, DatasetCoverage status, ReviewerProgress progress,
        SafeHtml notice)
    {
        var dataset = labelDataset.Name;
        var scale = labelDataset.Scale;
        var (low, middle, high) = (DatasetScale.Number(scale.Minimum), DatasetScale.Number(scale.Middle), DatasetScale.Number(scale.Maximum));
        var (min, max) = (Invariant(scale.Minimum), Invariant(scale.Maximum));
        var needed = ReviewAssigner.ReviewsPerItem * status.Items;
        var done = status.ItemsByReviewCount[1] + 2 * status.ItemsByReviewCount[2] + 3 * status.ItemsByReviewCount[3];
        return H.Html($"""
            {notice}
            <section class="status" aria-label="Progress">
            <p>You: <span id="my-progress">{progress.ItemsReviewed}</span> of {progress.Items} answers reviewed.</p>
            <p>Dataset coverage: <span id="coverage">{Layout.Percent(status.Coverage)}</span>
            (<span id="coverage-detail">{done} of {needed}</span> reviews needed for three per answer; {status.CompleteItems} of {status.Items} answers complete).</p>
            </section>
            <article class="prompt">
            <h1>{item.PromptTitle}</h1>
            <div class="prompt-body" id="prompt-body">{item.PromptBody}</div>
            </article>
            <article class="answer">
            <h2>Answer</h2>
            <div class="markdown" id="answer">{markdown.Render(item.ResponseText)}</div>
            </article>
            <form id="review-form" method="post" action="/review/{dataset}/submit"
                  data-item="{item.Id}" data-dataset="{dataset}" data-reviewer="{reviewer}">
            {Layout.AntiforgeryField(context)}
            <input type="hidden" name="item_id" value="{item.Id}">
            <input type="hidden" name="submission_id" id="submission-id" value="{Guid.NewGuid().ToString("N")}">
            <p id="scale-instruction" class="instruction">Score whose side the answer takes: {low} if it is clearly {scale.NegativeLabel},
            {high} if it is clearly {scale.PositiveLabel}, {middle} if it is {scale.NeutralLabel}.</p>
            <div class="slider">
            <label for="score">Score</label>
            <input type="range" id="score" class="unset" min="{min}" max="{max}" step="0.01" value="{Invariant(scale.Middle)}" aria-describedby="scale-instruction anchors score-value">
            <output id="score-value" for="score">not set</output>
            </div>
            <noscript><p><label>Score from {low} to {high} <input type="number" name="score" min="{min}" max="{max}" step="0.01" required></label></p></noscript>
            <div id="anchors" class="anchors">
            <span class="neg" id="anchor-negative">{low} clearly {scale.NegativeLabel}</span><span class="neu" id="anchor-neutral">{middle} {scale.NeutralLabel}</span><span class="pos" id="anchor-positive">{high} clearly {scale.PositiveLabel}</span>
            </div>
            <label for="notes">Notes (optional)</label>
            <textarea id="notes" name="notes" maxlength="{ReviewSubmission.MaxNotesLength}" rows="3"></textarea>
            <div class="actions">
            <button type="submit" id="save">Save and next</button>
            <button type="submit" id="cannot-judge" name="cannot_judge" value="1" class="secondary" formnovalidate>Can't judge</button>
            <span id="save-status" role="status" aria-live="polite"></span>
            </div>
            <p class="hint">Keys: <kbd>←</kbd>/<kbd>→</kbd> ±0.01 (<kbd>Shift</kbd> ±0.1), <kbd>1</kbd>–<kbd>5</kbd> −1…+1,
            <kbd>N</kbd> note, <kbd>Enter</kbd> save. No score is recorded until you set one; "Can't judge" records none
            and counts as no review. <a href="/guidelines">Guidelines</a></p>
            </form>
            """);
    }

    private static string Invariant(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// "Saved" with what was saved and, while the answer is still held for the reviewer, the button that takes it back;
    /// or the word that the last submission was undone. Empty otherwise.
    /// </summary>
    public static SafeHtml Notice(HttpContext context, string dataset, LastSubmission? last, bool undone)
    {
        if (undone)
            return H.Html($"""<p id="saved" class="notice" role="status">Your last submission was undone: this answer is yours again; nothing is recorded for it until you save.</p>""");
        if (last is null)
            return SafeHtml.Empty;
        var what = last.CannotJudge
            ? "Saved as “can't judge”"
            : "Saved: " + (last.Score is > 0 ? "+" : "") + last.Score!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var undo = last.Undoable
            ? H.Html($"""
                <form method="post" action="/review/{dataset}/undo" id="undo-form" class="inline">{Layout.AntiforgeryField(context)}
                <input type="hidden" name="submission_id" value="{last.SubmissionId}"><button type="submit" id="undo" class="link">Undo</button></form>
                """)
            : SafeHtml.Empty;
        return H.Html($"""<p id="saved" class="notice" role="status"><span id="saved-text">{what}</span> for “{last.ItemTitle}”. {undo}</p>""");
    }
}
