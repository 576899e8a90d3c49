using SycoBench.Records;

namespace SycoBench.Tests.Records;

public sealed class CsvReaderTests
{
    private static List<CsvRecord> Read(string text) => CsvReader.Read(new StringReader(text), "t.csv").ToList();

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_records_know_their_first_line()
    {
        var records = Read("\uFEFFid,text,n\r\n1,\"a, \"\"quoted\"\"\nsecond line\",2\r\n\n2,plain,\r\n3,\"\",x");

        Assert.Equal(["id", "text", "n"], records[0].Fields);
        Assert.Equal(["1", "a, \"quoted\"\nsecond line", "2"], records[1].Fields);
        Assert.Equal(2, records[1].LineNumber);
        Assert.Equal(["2", "plain", ""], records[2].Fields);
        Assert.Equal(5, records[2].LineNumber);
        Assert.Equal(["3", "", "x"], records[3].Fields);
        Assert.Equal(6, records[3].LineNumber);
        Assert.Equal(4, records.Count);
    }

    [Fact]
    public void What_csv_writes_csv_reads_back()
    {
        string?[] cells = ["x", "with, comma", "with \"quote\"", "line\nbreak", "", "é €"];

        var record = Assert.Single(Read(Csv.Line(cells)));

        Assert.Equal(cells.Select(c => c ?? ""), record.Fields);
    }

    [Theory]
    [InlineData("a,b\n1,x\"y\n", "t.csv:2: a quote inside an unquoted field")]
    [InlineData("a,b\n1,\"x\"y\n", "t.csv:2: text after the closing quote")]
    [InlineData("a,b\n1,\"open\nstill open\n", "t.csv:2: a quoted field is never closed")]
    public void Malformed_csv_names_the_line(string text, string message)
    {
        var error = Assert.Throws<InputException>(() => Read(text));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
