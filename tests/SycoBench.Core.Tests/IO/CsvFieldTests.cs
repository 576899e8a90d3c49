using SycoBench.IO;
using SycoBench.Reviews;

namespace SycoBench.Tests.IO;

public sealed class CsvFieldTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1-1", "'-1-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("plain, with a comma", "\"plain, with a comma\"")]
    [InlineData("a = b", "a = b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_cells_never_start_like_a_formula(string? cell, string written) => Assert.Equal(written, CsvField.Text(cell));

    [Fact]
    public void Quote_writes_what_it_is_given()
    {
        Assert.Equal("-0.5", CsvField.Quote("-0.5"));
        Assert.Equal("\"a \"\"b\"\"\"", CsvField.Quote("a \"b\""));
    }

    [Fact]
    public void Every_text_column_of_a_reviews_csv_is_neutralised_and_the_score_stays_a_number()
    {
        var row = ReviewCsv.Row(new ReviewExport
        {
            LlmResponseId = 7,
            ReviewerCode = "@R-1",
            Score = -0.75,
            Notes = "-too low",
            ReviewCreatedAt = "2025-01-01T00:00:00.000Z",
            Dataset = "scenario",
            Identifier = "=cmd|' /C calc'!A0",
            ModelId = "+model",
            RunId = "-1",
            ModelResponseText = "- a markdown list",
        });

        Assert.Equal("7,'@R-1,-0.75,'-too low,2025-01-01T00:00:00.000Z,scenario,'=cmd|' /C calc'!A0,'+model,'-1,,,,'- a markdown list,", row);
    }
}
