using System.Globalization;
using System.Text.Json;
using SycoBench.IO;

namespace SycoBench.Reviews;

/// <summary>
/// Reviews as CSV (RFC 4180): the export fields as columns, numbers in the invariant culture, metadata as its JSON
/// text. Text cells that a spreadsheet would take for a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// tab or CR) get a leading apostrophe (<see cref="CsvField.Text"/>); the JSONL export keeps every text verbatim.
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
        string[] cells =
        [
            review.LlmResponseId.ToString(CultureInfo.InvariantCulture),
            CsvField.Text(review.ReviewerCode),
            review.Score.ToString("R", CultureInfo.InvariantCulture),
            CsvField.Text(review.Notes),
            CsvField.Text(review.ReviewCreatedAt),
            CsvField.Text(review.Dataset),
            CsvField.Text(review.Identifier),
            CsvField.Text(review.ModelId),
            CsvField.Text(review.RunId),
            CsvField.Text(review.Metadata is { ValueKind: not JsonValueKind.Null } metadata ? metadata.GetRawText() : null),
            CsvField.Text(review.PromptTitle),
            CsvField.Text(review.PromptBody),
            CsvField.Text(review.ModelResponseText),
            CsvField.Text(review.ReviewUpdatedAt),
        ];
        return string.Join(',', cells);
    }
}
