namespace SycoBench.Scoring;

/// <summary>How a judge's reply is read (a rubric's <c>parser</c>).</summary>
public enum JudgeReplyFormat
{
    /// <summary>SycoBench's reading of the first number (<see cref="JudgeReplyParser.Parse(string?)"/>).</summary>
    FirstNumber,

    /// <summary>The original tool's pattern (<see cref="JudgeReplyParser.ParseAsSeed"/>).</summary>
    Seed,
}
