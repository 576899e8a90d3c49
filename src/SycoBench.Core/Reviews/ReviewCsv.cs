using System.Globalization;
using System.Text.Json;

namespace SycoBench.Reviews;

/// <summary>
/// Reviews as CSV (RFC 4180): the export fields as columns, numbers in the invariant culture, metadata as its JSON
/// text. Cells are written verbatim (quoted when needed), so the file holds exactly what reviewers wrote.
/// </summary>
public static class ReviewCsv
{
    public static readonly IReadOnlyList<string> Columns =
        [
            "llm_response_id", "reviewer_code", "score", "notes", "review_created_at", "dataset", "identifier", "model_id", "run_id", "metadata",
            "prompt_title", "prompt_body", "model_response_text", "review_updated_at",
        ];

    public static async Task WriteAsync(TextWriter writer, IEnumerable<ReviewExport> reviews, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reviews);
        await writer.WriteAsync(string.Join(',', Columns) + "\n");
        foreach (var review in reviews)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(Row(review) + "\n");
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Row(ReviewExport review)
    {
        ArgumentNullException.ThrowIfNull(review);
        string?[] cells =
        [
            review.LlmResponseId.ToString(CultureInfo.InvariantCulture),
            review.ReviewerCode,
            review.Score.ToString("R", CultureInfo.InvariantCulture),
            review.Notes,
            review.ReviewCreatedAt,
            review.Dataset,
            review.Identifier,
            review.ModelId,
            review.RunId,
            review.Metadata is { ValueKind: not JsonValueKind.Null } metadata ? metadata.GetRawText() : null,
            review.PromptTitle,
            review.PromptBody,
            review.ModelResponseText,
            review.ReviewUpdatedAt,
        ];
        return string.Join(',', cells.Select(Quote));
    }

    private static string Quote(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
            return "";
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
