using System.Text;
using SycoBench.IO;

namespace SycoBench.Tests.IO;

public sealed class AtomicFileAndCsvFieldTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sycobench-io-" + Guid.NewGuid().ToString("N"));

    public AtomicFileAndCsvFieldTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_completed_write_replaces_the_file_without_a_byte_order_mark_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_folder, "sub", "out.csv");
        AtomicFile.WriteText(path, "old");
        AtomicFile.WriteText(path, "né\n");

        Assert.Equal(Encoding.UTF8.GetBytes("né\n"), File.ReadAllBytes(path));
        Assert.Equal(["out.csv"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_keeps_the_previous_file_and_removes_the_temporary_one()
    {
        var path = Path.Combine(_folder, "out.jsonl");
        AtomicFile.WriteText(path, "previous\n");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half a fi"u8);
            throw new InvalidOperationException("disk full");
        }));

        Assert.Equal("previous\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task The_asynchronous_write_behaves_the_same()
    {
        var path = Path.Combine(_folder, "reviews.csv");
        await AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await using var writer = AtomicFile.TextWriter(stream);
            await writer.WriteAsync("a,b\n".AsMemory(), token);
        });
        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, (_, _) => throw new IOException("gone")));

        Assert.Equal("a,b\n", await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain text", "plain text")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    public void Csv_fields_are_quoted_only_when_python_csv_would(string? value, string expected)
    {
        Assert.Equal(expected, CsvField.Quote(value));
    }
}
