using System.Text;
using SycoBench.Reporting.Reading;

namespace SycoBench.Tests.Reporting;

public sealed class ChunkedLineScannerTests
{
    private sealed class Counter : ILineConsumer
    {
        public int Lines { get; private set; }

        public void OnLine(ReadOnlySpan<byte> line, int chunk, long lineInChunk) => Lines++;
    }

    [Theory]
    [InlineData(64)]
    [InlineData(4096)]
    public void A_line_over_the_limit_stops_the_scan_naming_the_file_and_its_line(int chunkSize)
    {
        using var temp = new TempDirectory();
        var path = temp.File("scored.jsonl");
        var text = new StringBuilder();
        for (var i = 0; i < 40; i++)
            text.Append("{\"run_id\": ").Append(i).Append("}\n");
        text.Append('"').Append('x', 5000).Append("\"\n{\"run_id\": 41}\n");
        File.WriteAllText(path, text.ToString());

        var error = Assert.Throws<InvalidDataException>(() =>
            ChunkedLineScanner.Scan(path, [new Counter(), new Counter()], chunkSize, 1000, CancellationToken.None));

        Assert.Equal($"{path}:41: line longer than 1000 bytes, the limit for one record (is this a JSONL file?)", error.Message);
    }

    [Fact]
    public void Lines_within_the_limit_are_all_read()
    {
        using var temp = new TempDirectory();
        var path = temp.File("scored.jsonl");
        File.WriteAllText(path, string.Concat(Enumerable.Range(0, 100).Select(i => new string('x', i * 10) + "\n")));
        var consumers = new[] { new Counter(), new Counter() };

        var scan = ChunkedLineScanner.Scan(path, consumers, 64, 990, CancellationToken.None);

        Assert.Equal(100, scan.TotalLines);
        Assert.Equal(99, consumers.Sum(c => c.Lines));
    }
}
