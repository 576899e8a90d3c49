using System.Text;
using System.Text.Json;
using SycoBench.Reporting.Reading;
using SycoBench.Statistics;

namespace SycoBench.Tests.Reporting;

/// <summary>The skipper must accept exactly the JSON a token reader accepts: checked on crafted values and on thousands of mutated records.</summary>
public sealed class JsonSkipperTests
{
    private static bool ReaderAccepts(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = JsonSkipper.MaxDepth + 1 });
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool SkipperAccepts(byte[] json)
    {
        var start = JsonSkipper.Whitespace(json, 0);
        var end = JsonSkipper.Value(json, start);
        return end >= 0 && JsonSkipper.Whitespace(json, end) == json.Length;
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5e+10")]
    [InlineData("01")]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData("1e")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("1.5E-3")]
    [InlineData("\"a\\u00e9\\n\\\"\"")]
    [InlineData("\"bad \\x escape\"")]
    [InlineData("\"\\u12G4\"")]
    [InlineData("\"raw\ttab\"")]
    [InlineData("{\"a\": [1, 2, {\"b\": null}], \"c\": true}")]
    [InlineData("{\"a\": [1, 2,], \"c\": true}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\": 1,}")]
    [InlineData("[1 2]")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("nul")]
    [InlineData("truex")]
    [InlineData("{\"a\": 1} x")]
    [InlineData("12a")]
    public void Agrees_with_the_token_reader_on_crafted_values(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.Equal(ReaderAccepts(bytes), SkipperAccepts(bytes));
    }

    [Fact]
    public void Agrees_with_the_token_reader_on_mutated_records()
    {
        var lines = File.ReadLines(TestFiles.Reference("run_scored.jsonl")).Take(40).Select(Encoding.UTF8.GetBytes).ToArray();
        byte[] alphabet = "\"\\{}[],:0123456789.-+eEtrufalsn \n\u0001x"u8.ToArray();
        var random = new SeededRandom(42);
        var disagreements = new List<string>();
        for (var trial = 0; trial < 6000; trial++)
        {
            var line = lines[random.NextInt(lines.Length)].ToList();
            var edits = 1 + random.NextInt(2);
            for (var e = 0; e < edits; e++)
            {
                var at = random.NextInt(line.Count);
                switch (random.NextInt(4))
                {
                    case 0:
                        line.RemoveAt(at);
                        break;
                    case 1:
                        line.Insert(at, alphabet[random.NextInt(alphabet.Length)]);
                        break;
                    case 2:
                        line[at] = alphabet[random.NextInt(alphabet.Length)];
                        break;
                    default:
                        line.RemoveRange(at, line.Count - at);
                        break;
                }

                if (line.Count == 0)
                    line.Add((byte)'x');
            }

            var bytes = line.ToArray();
            if (ReaderAccepts(bytes) != SkipperAccepts(bytes))
                disagreements.Add(Encoding.UTF8.GetString(bytes));
        }

        Assert.Empty(disagreements.Take(3));
    }

    [Fact]
    public void Every_published_record_is_accepted_and_crossed_to_its_end()
    {
        foreach (var line in File.ReadLines(TestFiles.Reference("run_scored.jsonl")).Select(Encoding.UTF8.GetBytes))
            Assert.Equal(line.Length, JsonSkipper.Value(line, 0));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var deep = Encoding.UTF8.GetBytes(new string('[', JsonSkipper.MaxDepth + 1) + new string(']', JsonSkipper.MaxDepth + 1));
        var fine = Encoding.UTF8.GetBytes(new string('[', JsonSkipper.MaxDepth) + new string(']', JsonSkipper.MaxDepth));

        Assert.Equal(-1, JsonSkipper.Value(deep, 0));
        Assert.Equal(fine.Length, JsonSkipper.Value(fine, 0));
    }
}
