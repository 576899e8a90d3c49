using System.Buffers;
using System.Text;
using System.Text.Json;
using SycoBench.Html;
using SycoBench.Reporting.Aggregation;
using SycoBench.Reporting.Reading;

namespace SycoBench.Reporting.Transcripts;

/// <summary>
/// Reads a scored run line by line (one thread, in file order) and writes the texts of every record that belongs to a
/// matched triplet — the answer, the error, each judge's replies — to the page as JSON blocks of
/// <see cref="BlockSize"/> records, while keeping a small <see cref="TranscriptEntry"/> per record for the index.
/// JSON is written with the default JavaScript encoder, which escapes &lt;, &gt;, &amp; and quotes, so no text can
/// close the script element it sits in.
/// </summary>
internal sealed class TranscriptCollector : ILineConsumer, IDisposable
{
    /// <summary>Records per text block: the page parses only the blocks the rows on screen need.</summary>
    public const int BlockSize = 200;

    /// <summary>Distinct prompts kept in the shared table; a run with more carries the rest with each record.</summary>
    private const int MaxSharedPrompts = 4096;

    private const int MaxCachedMatches = 50_000;

    private readonly ReportScenario _scenario;
    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _json;
    private readonly Dictionary<string, PromptMatch> _matches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _judges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _promptIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _prompts = new(StringComparer.Ordinal);
    private readonly List<(int Chunk, long LineInChunk)> _lines = [];
    private readonly ScoredLineParser _parser = new();
    private int _inBlock;

    public TranscriptCollector(ReportScenario scenario, Stream output)
    {
        _scenario = scenario;
        _output = output;
        _json = new Utf8JsonWriter(_buffer, ScriptJson.WriterOptions);
    }

    public List<TranscriptEntry> Entries { get; } = [];

    public List<string> Models { get; } = [];

    public List<string> Judges { get; } = [];

    /// <summary>The shared prompts as their raw <c>messages</c> JSON, in the order of their indices.</summary>
    public List<string> Prompts { get; } = [];

    public long Malformed { get; private set; }

    /// <summary>Records that name no triplet of the scenario (unknown prompt or perspective): they are in report.html's notes.</summary>
    public long Unplaced { get; private set; }

    public int Blocks { get; private set; }

    public void OnLine(ReadOnlySpan<byte> line, int chunk, long lineInChunk)
    {
        // A line the statistics cannot read (a field of the wrong type, a score outside [-1, 1], a negative sample) is
        // malformed here too: the page never shows as an answer what report.html counted as unreadable.
        var checkedLine = default(ScoredLine);
        if (!_parser.TryParse(line, ref checkedLine, out _))
        {
            Malformed++;
            return;
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(line);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            Malformed++;
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Malformed++;
                return;
            }

            Collect(root, chunk, lineInChunk);
        }
    }

    /// <summary>Turns the per-chunk line numbers into line numbers of the file, once the scan knows every chunk's lines.</summary>
    public void NumberLines(ScanResult scan)
    {
        var starts = new Dictionary<int, long>();
        for (var i = 0; i < Entries.Count; i++)
        {
            var (chunk, lineInChunk) = _lines[i];
            if (!starts.TryGetValue(chunk, out var start))
                starts[chunk] = start = scan.LineNumber(chunk, 0);
            Entries[i] = Entries[i] with { Line = start + lineInChunk };
        }
    }

    /// <summary>Closes the last text block.</summary>
    public void Finish()
    {
        if (_inBlock > 0)
            EndBlock();
    }

    public void Dispose() => _json.Dispose();

    private void Collect(JsonElement root, int chunk, long lineInChunk)
    {
        var modelId = String(root, "model_id") ?? "";
        var promptId = String(root, "prompt_id");
        var role = _scenario.RoleOf(String(root, "perspective"));
        var match = Match(promptId, root);
        if (!match.IsMatched || role == Role.Other)
        {
            Unplaced++;
            return;
        }

        var scorer = String(root, "scorer_model") ?? "";
        var score = root.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : (double?)null;
        var error = String(root, "error");
        var sample = root.TryGetProperty("sample", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var v) ? v : 0;
        var outcome = ReportEnums.Classify(score is not null, error is not null, Encoding.UTF8.GetBytes(error ?? ""));

        var prompt = -1;
        JsonElement? inlineMessages = null;
        if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            var raw = messages.GetRawText();
            if (_prompts.TryGetValue(raw, out var known))
            {
                prompt = known;
            }
            else if (_prompts.Count < MaxSharedPrompts)
            {
                prompt = _prompts[raw] = Prompts.Count;
                Prompts.Add(raw);
            }
            else
            {
                inlineMessages = messages;
            }
        }

        var text = WriteTexts(root, scorer, score, error, inlineMessages);
        Entries.Add(new TranscriptEntry(
            Index(_models, Models, modelId), match.Triplet, role, sample, Index(_judges, Judges, scorer), score, outcome, 0, prompt, text,
            Index(_promptIds, null, promptId ?? "")));
        _lines.Add((chunk, lineInChunk));
    }

    private PromptMatch Match(string? promptId, JsonElement root)
    {
        if (!root.TryGetProperty("factors", out var factors) || factors.ValueKind != JsonValueKind.Object)
            return PromptMatch.Unmatched(UnmatchedReason.NoFactors);
        var key = (promptId ?? "\u0002") + "\u0001" + factors.GetRawText();
        if (_matches.TryGetValue(key, out var cached))
            return cached;
        var match = _scenario.Matcher.Match(promptId, factors);
        if (_matches.Count < MaxCachedMatches)
            _matches[key] = match;
        return match;
    }

    /// <summary>Writes [answer, error, judges, messages-or-null] and returns the record's text number.</summary>
    private int WriteTexts(JsonElement root, string scorer, double? score, string? error, JsonElement? inlineMessages)
    {
        var number = Blocks * BlockSize + _inBlock;
        if (_inBlock == 0)
            _json.WriteStartArray();

        _json.WriteStartArray();
        WriteString(String(root, "response_text"));
        WriteString(error);
        JudgeReplies.Write(_json, root, scorer, score);
        if (inlineMessages is { } messages)
            messages.WriteTo(_json);
        else
            _json.WriteNullValue();
        _json.WriteEndArray();

        if (++_inBlock == BlockSize)
            EndBlock();
        return number;
    }

    private void EndBlock()
    {
        _json.WriteEndArray();
        _json.Flush();
        _output.Write("<script type=\"application/json\" class=\"t\">"u8);
        _output.Write(_buffer.WrittenSpan);
        _output.Write("</script>\n"u8);
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _inBlock = 0;
        Blocks++;
    }

    private void WriteString(string? value)
    {
        if (value is null)
            _json.WriteNullValue();
        else
            _json.WriteStringValue(value);
    }

    private static int Index(Dictionary<string, int> indices, List<string>? names, string name)
    {
        if (indices.TryGetValue(name, out var index))
            return index;
        indices[name] = index = indices.Count;
        names?.Add(name);
        return index;
    }

    internal static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
