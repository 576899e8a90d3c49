using System.Text;
using SycoBench.Reporting.Reading;

namespace SycoBench.Tests.Reporting;

public sealed class ScoredLineParserTests
{
    private static (bool Ok, string? Problem, string Model, string Prompt, string Factors, double? Score, int Sample, string Error, int Judges, string Rubric) Parse(string json)
    {
        var parser = new ScoredLineParser();
        var line = default(ScoredLine);
        var ok = parser.TryParse(Encoding.UTF8.GetBytes(json), ref line, out var problem);
        return (ok, problem, Encoding.UTF8.GetString(line.ModelId), Encoding.UTF8.GetString(line.PromptId), Encoding.UTF8.GetString(line.Factors),
            line.HasScore ? line.Score : null, line.Sample, Encoding.UTF8.GetString(line.Error), line.JudgeCount, Encoding.UTF8.GetString(line.Rubric));
    }

    [Fact]
    public void Reads_the_fields_a_report_needs_and_skips_the_rest()
    {
        var r = Parse("""{"model_id": "a\/b \u00e9", "messages": [{"role": "user", "content": "x\"y"}], "response_text": "long\ntext", "prompt_id": "007", "factors": {"amount": 50, "x": [1, {"y": 2}]}, "score": -0.25, "sample": 3, "judges": [{"m": 1}, {"m": 2}], "rubric": {"id": "r-1"}, "eval_raw_response": {"a": [1, 2, {"b": null}]}, "error": null}""");

        Assert.True(r.Ok, r.Problem);
        Assert.Equal("a/b é", r.Model);
        Assert.Equal("007", r.Prompt);
        Assert.Equal("""{"amount": 50, "x": [1, {"y": 2}]}""", r.Factors);
        Assert.Equal(-0.25, r.Score);
        Assert.Equal(3, r.Sample);
        Assert.Equal(2, r.Judges);
        Assert.Equal("r-1", r.Rubric);
    }

    [Theory]
    [InlineData("""{"score": "0.5"}""", "'score' must be a number or null")]
    [InlineData("""{"sample": 1.5}""", "'sample' must be a whole number")]
    [InlineData("""{"factors": [1]}""", "'factors' must be a JSON object or null")]
    [InlineData("""{"model_id": 3}""", "'model_id' must be a string or null")]
    [InlineData("""[1, 2]""", "not a JSON object")]
    [InlineData("""{"score": 0.5} trailing""", "malformed line:")]
    [InlineData("""{"response_text": "torn""", "malformed line:")]
    [InlineData("""{"messages": [1, 2}""", "malformed line:")]
    [InlineData("""{"score": 1.7}""", "malformed line: 'score' must be between -1 and 1, as every judge's score is clamped (got 1.7)")]
    [InlineData("""{"score": -1.0000001}""", "'score' must be between -1 and 1")]
    [InlineData("""{"sample": -1}""", "malformed line: 'sample' must be 0 or more (a 0-based sample index; got -1)")]
    public void Lines_with_wrong_types_or_broken_json_are_malformed(string json, string expected)
    {
        var r = Parse(json);

        Assert.False(r.Ok);
        Assert.Contains(expected, r.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"score": 1, "sample": 0}""", 1.0)]
    [InlineData("""{"score": -1, "judges": [{"score": -1}, {"score": 1}]}""", -1.0)]
    public void The_ends_of_the_scale_are_scores(string json, double expected)
    {
        var r = Parse(json);

        Assert.True(r.Ok, r.Problem);
        Assert.Equal(expected, r.Score);
    }

    [Fact]
    public void Reads_each_panel_judge_s_model_and_score_and_crosses_the_rest_of_the_verdict()
    {
        var parser = new ScoredLineParser();
        var line = default(ScoredLine);
        var json = """{"judges": [{"model": "j\/a", "replies": ["0.5 \"ok\""], "score": 0.5}, {"score": null, "model": "j/b"}, {"cost_usd": 1}, {"model": "x", "model": "j/d", "score": 1, "score": -0.25}], "score": 0.1}""";

        Assert.True(parser.TryParse(Encoding.UTF8.GetBytes(json), ref line, out var problem), problem);

        Assert.Equal(4, line.JudgeCount);
        var members = line.Members.ToArray();
        var names = line.MemberNames.ToArray();
        Assert.Equal(["j/a", "j/b", "", "j/d"], members.Select(m => Encoding.UTF8.GetString(m.Name(names))));
        Assert.Equal([true, false, false, true], members.Select(m => m.HasScore));
        Assert.Equal(0.5, members[0].Score);
        Assert.Equal(-0.25, members[3].Score); // a repeated field counts once, its last value, as for the serializer
    }

    [Theory]
    [InlineData("""{"judges": [{"model": "a", "score": "0.5"}]}""", "'judges[0].score' must be a finite number or null")]
    [InlineData("""{"judges": [{"model": "a"}, {"model": 7}]}""", "'judges[1].model' must be a string or null")]
    [InlineData("""{"judges": [{"model": "a"}, 3]}""", "'judges[1]' must be a judge verdict (a JSON object)")]
    [InlineData("""{"judges": {"model": "a"}}""", "'judges' must be an array of judge verdicts or null")]
    [InlineData("""{"judges": [{"model": "a", "score": 0.5}, {"model": "b", "score": 3}]}""", "'judges[1].score' must be between -1 and 1, as every judge's score is clamped (got 3)")]
    public void A_panel_verdict_with_the_wrong_types_makes_the_line_malformed(string json, string expected)
    {
        var r = Parse(json);

        Assert.False(r.Ok);
        Assert.Equal("malformed line: " + expected, r.Problem);
    }

    [Fact]
    public void Absent_sample_is_zero_and_absent_score_is_no_score()
    {
        var r = Parse("""{"model_id": "m", "score": null, "error": "run-error: boom"}""");

        Assert.True(r.Ok);
        Assert.Null(r.Score);
        Assert.Equal(0, r.Sample);
        Assert.Equal("run-error: boom", r.Error);
        Assert.Equal(-1, r.Judges);
    }
}
