using System.Text.Json;
using SycoBench.Records;

namespace SycoBench.Simulator;

/// <summary>
/// Recorded answers to serve again (<c>sim serve --replay run.jsonl</c>): per model and prompt id and sample, the
/// answer or the recorded failure; requests without a prompt id are matched by their messages.
/// </summary>
internal sealed class ReplayBook
{
    private readonly Dictionary<(string Model, string PromptId, int Sample), RunRecord> _byPrompt = [];
    private readonly Dictionary<(string Model, string Messages), RunRecord> _byMessages = [];

    public ReplayBook(string path, Action<JsonlIssue>? onIssue)
    {
        foreach (var entry in JsonlReader.Read(path, RecordJsonContext.Default.RunRecord, onIssue))
        {
            var record = entry.Value;
            _byPrompt[(record.ModelId, record.PromptId, record.SampleIndex)] = record;
            if (record.Messages is { } messages && record.Succeeded)
                _byMessages.TryAdd((record.ModelId, MessagesKey(messages.Select(m => (m.Role, m.Content)))), record);
        }
    }

    public int Count => _byPrompt.Count;

    public bool Knows(string model) => _byPrompt.Keys.Any(k => k.Model == model);

    public RunRecord? Find(string model, string? promptId, int sample, IEnumerable<(string Role, string Content)> messages)
    {
        if (promptId is { Length: > 0 } && _byPrompt.TryGetValue((model, promptId, sample), out var record))
            return record;
        return _byMessages.GetValueOrDefault((model, MessagesKey(messages)));
    }

    internal static string MessagesKey(IEnumerable<(string Role, string Content)> messages) =>
        string.Join("\u0001", messages.Select(m => m.Role + "\u0002" + m.Content));
}

/// <summary>Recorded judge replies (<c>sim serve --replay-judge run_scored.jsonl</c>), found by the answer judged.</summary>
internal sealed class JudgeReplayBook
{
    private readonly Dictionary<string, string> _byAnswer = new(StringComparer.Ordinal);

    public JudgeReplayBook(string path, Action<JsonlIssue>? onIssue)
    {
        foreach (var entry in JsonlReader.Read(path, RecordJsonContext.Default.EvalRecord, onIssue))
        {
            var record = entry.Value;
            if (string.IsNullOrEmpty(record.ResponseText))
                continue;
            var reply = ReplyOf(record);
            if (reply is null)
                continue;
            _byAnswer.TryAdd(Key(record.Messages?.LastOrDefault(m => m.Role == "user")?.Content, record.ResponseText), reply);
            _byAnswer.TryAdd(Key(null, record.ResponseText), reply);
        }
    }

    public int Count => _byAnswer.Count;

    public string? Find(string? userMessage, string answer) =>
        _byAnswer.GetValueOrDefault(Key(userMessage, answer)) ?? _byAnswer.GetValueOrDefault(Key(null, answer));

    private static string Key(string? user, string answer) => (user ?? "") + "\u0001" + answer;

    private static string? ReplyOf(EvalRecord record)
    {
        if (record.EvalRawResponse is { ValueKind: JsonValueKind.Object } raw
            && raw.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
            && choices[0].TryGetProperty("message", out var message) && message.TryGetProperty("content", out var content)
            && content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }

        return record.Score is { } score ? score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
