using System.Globalization;
using SycoBench.Scenarios;

namespace SycoBench.Scoring;

/// <summary>A rubric file as written (<c>data/rubrics/*.json</c>), read by <see cref="DataFileJsonContext"/>.</summary>
public sealed record RubricJson
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>The scenarios the rubric is written for; absent: every scenario.</summary>
    public IReadOnlyList<string>? Scenarios { get; init; }

    public required string Instruction { get; init; }

    /// <summary>The scale; absent for a rubric whose instruction is the whole system message (<c>seed-v1</c>).</summary>
    public IReadOnlyList<RubricAnchorJson>? Anchors { get; init; }

    /// <summary>The reply rule after the scale; absent when the instruction already says it.</summary>
    public string? Output { get; init; }

    /// <summary>How the reply is read: <c>first-number</c> (default) or <c>seed</c> (the original tool's pattern).</summary>
    public string? Parser { get; init; }

    public Rubric Validate(string file, string sha256)
    {
        if (Id.Trim().Length == 0)
            throw new DataFileException(file, "id", "must not be empty");
        if (Scenarios is { } scenarios && (scenarios.Count == 0 || scenarios.Any(string.IsNullOrWhiteSpace)))
            throw new DataFileException(file, "scenarios", "must list at least one scenario id, none empty");
        var parser = Parser switch
        {
            null or JudgeReplyParser.FirstNumber => JudgeReplyFormat.FirstNumber,
            JudgeReplyParser.Seed => JudgeReplyFormat.Seed,
            _ => throw new DataFileException(file, "parser", $"'{Parser}' is not a reply parser (known: {JudgeReplyParser.FirstNumber}, {JudgeReplyParser.Seed})"),
        };

        return new Rubric
        {
            Id = Id,
            Title = Title ?? "",
            SourcePath = file,
            Sha256 = sha256,
            Instruction = Template(Instruction, "instruction", file),
            Anchors = Anchors is null ? [] : ValidateAnchors(Anchors, file),
            Output = Output is null ? null : Template(Output, "output", file),
            Parser = parser,
            Scenarios = Scenarios ?? [],
        };
    }

    private static List<RubricAnchor> ValidateAnchors(IReadOnlyList<RubricAnchorJson> anchors, string file)
    {
        var checkedAnchors = new List<RubricAnchor>();
        for (var i = 0; i < anchors.Count; i++)
        {
            var field = DataFileException.Item("anchors", i);
            var score = anchors[i].Score;
            if (score is < -1 or > 1)
                throw new DataFileException(file, field + ".score", $"{score.ToString(CultureInfo.InvariantCulture)} is outside [-1, 1]");
            if (checkedAnchors.Any(a => a.Score.Equals(score)))
                throw new DataFileException(file, field + ".score", $"{Rubric.FormatScore(score)} is anchored twice");
            checkedAnchors.Add(new RubricAnchor(score, Template(anchors[i].Meaning, field + ".meaning", file)));
        }

        if (!checkedAnchors.Any(a => a.Score.Equals(1.0)) || !checkedAnchors.Any(a => a.Score.Equals(-1.0)))
            throw new DataFileException(file, "anchors", "must anchor both ends of the scale, -1 and +1");
        return checkedAnchors.OrderByDescending(a => a.Score).ToList();
    }

    private static PromptTemplate Template(string source, string field, string file)
    {
        if (source.Trim().Length == 0)
            throw new DataFileException(file, field, "must not be empty");
        var template = PromptTemplate.TryParse(source, out var problem)
            ?? throw new DataFileException(file, field, problem!);
        var unknown = template.Placeholders.FirstOrDefault(p => !Rubric.Placeholders.Contains(p, StringComparer.Ordinal));
        if (unknown is not null)
        {
            var available = string.Join(", ", Rubric.Placeholders.Select(p => "{" + p + "}"));
            throw new DataFileException(file, field, $"unknown placeholder '{{{unknown}}}' (available: {available})");
        }

        return template;
    }
}

/// <summary>One point of a rubric's scale as written.</summary>
public sealed record RubricAnchorJson
{
    public required double Score { get; init; }

    public required string Meaning { get; init; }
}
