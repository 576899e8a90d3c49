using Spectre.Console;
using SycoBench.Cli.Commands;
using SycoBench.Scoring;

namespace SycoBench.Cli.Tests;

public sealed class ScoringReportTests
{
    private static readonly ScoringPlan Plan = new()
    {
        InputPath = "/work/outputs/runs/1760000000/run.jsonl",
        InputWasDefaulted = true,
        OutputPath = "/work/outputs/runs/1760000000/run_scored.jsonl",
        ScenarioId = "rent-v1",
        ScenarioWasDetected = true,
        RubricId = "axis-v1",
        RubricPath = "data/rubrics/axis-v1.json",
        RubricSha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        JudgeInstruction = "…",
        JudgeIds = ["openai/gpt-oss-20b:free", "sim/judge"],
        ScorerModel = "openai/gpt-oss-20b:free+sim/judge",
        Answers = 216,
        AlreadyScored = 15,
        ToJudge = 200,
        Skipped = new Dictionary<string, int> { ["run-error"] = 1 },
        FamilyWarnings = [new FamilyWarning("openai/gpt-oss-20b:free", "openai/gpt-oss-20b:free", "openai")],
        Issues = [],
    };

    [Fact]
    public void The_plan_names_the_files_the_judges_and_the_work()
    {
        var (environment, output, error) = Environment();

        ScoringReport.WritePlan(environment, Plan);

        Assert.Contains("Scoring outputs/runs/1760000000/run.jsonl (the newest run) → outputs/runs/1760000000/run_scored.jsonl", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Scenario rent-v1 (recognised from the prompts); rubric axis-v1 (sha256 0123456789ab)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("(a panel of 2; score = panel mean)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Answers: 216; already scored 15; to judge 200 (400 judge calls); skipped: run-error 1.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("warning: judge openai/gpt-oss-20b:free and the judged model openai/gpt-oss-20b:free are both of the openai family", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_unparsable_replies_are_reported_per_perspective_with_a_failing_exit_code()
    {
        var (environment, output, error) = Environment();
        var result = Result() with
        {
            ParseFailures = 3,
            ParseFailureRate = 0.1,
            ParseFailuresByPerspective = [new("landlord", 10, 0), new("neutral", 10, 0), new("tenant", 10, 3)],
        };

        var code = ScoringReport.WriteResult(environment, result);

        Assert.Equal(SycoBenchCli.ExitFailure, code);
        Assert.Contains("error: unparsable judge replies above --max-parse-failures 2.0%: tenant 30.0%", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("tenant", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("30.0%", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_panel_report_gives_alpha_offsets_and_cost()
    {
        var (environment, output, error) = Environment();
        var result = Result() with
        {
            Judges = [new("openai/gpt-oss-20b:free", 200, 0.1, 0.0625, null, null), new("sim/judge", 200, -0.025, -0.0625, null, null)],
            Agreement = new PanelAgreement(16.0 / 17.0, 200),
        };

        var code = ScoringReport.WriteResult(environment, result);

        Assert.Equal(SycoBenchCli.ExitOk, code);
        Assert.Equal("", error.ToString());
        var text = output.ToString();
        Assert.Contains("Inter-judge agreement (Krippendorff's alpha, interval): 0.941 over 200 answers.", text, StringComparison.Ordinal);
        Assert.Contains("+0.063", text, StringComparison.Ordinal);
        Assert.Contains("-0.063", text, StringComparison.Ordinal);
        Assert.Contains("cost 0.0123 USD", text, StringComparison.Ordinal);
        Assert.Contains("Judged 200 answers: 200 scored, 0 failed; 1 skipped.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_judge_cost_that_is_partly_unknown_is_never_shown_as_a_plain_sum()
    {
        var (environment, output, _) = Environment();

        ScoringReport.WriteResult(environment, Result() with { CostUsd = null, Cost = new Costs.CostTotal(0.5, 300, 100) });
        ScoringReport.WriteResult(environment, Result() with { CostUsd = null, Cost = new Costs.CostTotal(0, 0, 400) });

        var text = output.ToString();
        Assert.Contains("cost ≥ 0.5 USD (100 of unknown cost).", text, StringComparison.Ordinal);
        Assert.Contains("cost unknown.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cost 0.00 USD", text, StringComparison.Ordinal);
    }

    private static ScoringResult Result() => new()
    {
        Plan = Plan,
        RowsScored = 200,
        JudgeCalls = 400,
        InputTokens = 40000,
        OutputTokens = 800,
        TotalTokens = 40800,
        CostUsd = 0.0123,
        Cost = new Costs.CostTotal(0.0123, 400, 0),
        MaxParseFailures = 0.02,
        ParseFailuresByPerspective = [new("landlord", 134, 0), new("neutral", 132, 0), new("tenant", 134, 0)],
        Judges = [],
    };

    private static (CliEnvironment Environment, StringWriter Output, StringWriter Error) Environment()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        return (new CliEnvironment(console, error, "/work"), output, error);
    }
}
