using SycoBench.Scoring;

namespace SycoBench.Cli.Commands;

/// <summary>
/// Prints what <c>sycobench score</c> will do (the plan, all of <c>--plan</c>) and its closing report. Numbers are
/// written with the invariant culture.
/// </summary>
internal static class ScoringReport
{
    public static void WritePlan(CliEnvironment environment, ScoringPlan plan)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(plan);
        var console = environment.Console;
        foreach (var issue in plan.Issues)
            environment.Warn(issue.ToString());

        var newest = plan.InputWasDefaulted ? " (the newest run)" : "";
        console.MarkupLineInterpolated($"Scoring [bold]{environment.Display(plan.InputPath)}[/]{newest} → [green]{environment.Display(plan.OutputPath)}[/]");
        var detected = plan.ScenarioWasDetected ? " (recognised from the prompts)" : "";
        console.MarkupLineInterpolated(
            $"Scenario {plan.ScenarioId}{detected}; rubric {plan.RubricId} (sha256 {plan.RubricSha256[..12]}); blind: {(plan.Blind ? "yes" : "no")}; repeats per judge: {plan.JudgeRepeats}.");
        var panel = plan.JudgeIds.Count > 1 ? $" (a panel of {plan.JudgeIds.Count}; score = panel mean)" : "";
        console.MarkupLineInterpolated($"Judges: {string.Join(", ", plan.JudgeIds)}{panel}.");

        var skipped = plan.Skipped.Count == 0 ? "none" : string.Join(", ", plan.Skipped.Select(s => $"{s.Key} {InvariantNumber.Count(s.Value)}"));
        console.MarkupLineInterpolated(
            $"Answers: {InvariantNumber.Count(plan.Answers)}; already scored {InvariantNumber.Count(plan.AlreadyScored)}; to judge {InvariantNumber.Count(plan.ToJudge)} ({InvariantNumber.Count(plan.JudgeCalls)} judge calls); skipped: {skipped}.");
        foreach (var warning in plan.FamilyWarnings)
            environment.Warn(warning.ToString());
    }

    /// <summary>Prints the closing report; returns the exit code it calls for (non-zero above --max-parse-failures).</summary>
    public static int WriteResult(CliEnvironment environment, ScoringResult result)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(result);
        var console = environment.Console;
        if (result.PlanOnly)
        {
            console.MarkupLine("Plan only: no judge was called and nothing was written.");
            return SycoBenchCli.ExitOk;
        }

        if (result.DryRun)
        {
            console.MarkupLineInterpolated(
                $"Dry run: no judge was called; {InvariantNumber.Count(result.RowsFailed)} stub record(s) (error '{ScoringOptions.DryRunError}') written to {environment.Display(result.Plan.OutputPath)}; {InvariantNumber.Count(result.RowsSkipped)} skipped.");
            return SycoBenchCli.ExitOk;
        }

        console.MarkupLineInterpolated(
            $"Judged {InvariantNumber.Count(result.RowsScored + result.RowsFailed)} answers: {InvariantNumber.Count(result.RowsScored)} scored, {InvariantNumber.Count(result.RowsFailed)} failed; {InvariantNumber.Count(result.RowsSkipped)} skipped.");
        console.MarkupLineInterpolated(
            $"Judge calls: {InvariantNumber.Count(result.JudgeCalls)} ({InvariantNumber.Count(result.JudgeErrors)} failed outright); answered from the cache: {InvariantNumber.Count(result.CachedReplies)}; tokens {InvariantNumber.Count(result.InputTokens)} in, {InvariantNumber.Count(result.OutputTokens)} out; cost {result.Cost}.");

        var parse = ConsoleTable.Of(LabelColumn("perspective"), NumberColumn("replies"), NumberColumn("unparsable"), NumberColumn("rate"));
        foreach (var p in result.ParseFailuresByPerspective)
            parse.AddRow(TerminalSafety.Escape(p.Perspective), InvariantNumber.Count(p.Replies), InvariantNumber.Count(p.Failures), Percent(p.Rate));
        parse.AddRow("[bold]all[/]", InvariantNumber.Count(result.ParseFailuresByPerspective.Sum(p => p.Replies)), InvariantNumber.Count(result.ParseFailures), Percent(result.ParseFailureRate));
        console.Write(parse);
        if (result.RepliesWithExtraText > 0 || result.ClampedScores > 0)
        {
            console.MarkupLineInterpolated(
                $"{InvariantNumber.Count(result.RepliesWithExtraText)} replies had text around the number and {InvariantNumber.Count(result.ClampedScores)} numbers were clamped to [[-1, 1]]; the replies are kept in the records for audit.");
        }

        if (result.Judges.Count > 1 || result.Retest is not null)
        {
            var judges = ConsoleTable.Of(
                LabelColumn("judge"), NumberColumn("answers"), NumberColumn("mean score"), NumberColumn("offset from panel"),
                NumberColumn("retest spread"), NumberColumn("retest alpha"));
            foreach (var j in result.Judges)
                judges.AddRow(TerminalSafety.Escape(j.JudgeId), InvariantNumber.Count(j.RowsScored), Number(j.MeanScore, signed: true), Number(j.MeanOffset, signed: true), Number(j.MeanRetestSpread), Number(j.RetestAlpha));
            console.Write(judges);
        }

        if (result.Agreement is { } agreement)
        {
            var alpha = agreement.IsDefined ? agreement.Alpha.ToString("0.000", CultureInfo.InvariantCulture) : "undefined (no variation or too few scores)";
            console.MarkupLineInterpolated($"Inter-judge agreement (Krippendorff's alpha, interval): {alpha} over {InvariantNumber.Count(agreement.Rows)} answers.");
        }

        if (result.Retest is { } retest)
        {
            console.MarkupLineInterpolated(
                $"Test-retest: mean spread {Number(retest.MeanSpread)}, largest {Number(retest.MaxSpread)}; repeats disagreed on {Percent(retest.ShareWithSpread)} of {InvariantNumber.Count(retest.JudgeRows)} judge-answers.");
        }

        if (result.StoppedAtCostLimit)
        {
            var (inFlight, reserved) = result.InFlightAtStop;
            environment.Error.WriteLine(
                $"stopped at the cost limit: {result.Cost} spent; {inFlight} answer(s) were being judged at the stop (worst case {Costs.Usd.Format(reserved)}, recorded); continue with the same command and a larger --max-cost");
        }

        if (!result.ParseFailuresExceeded)
            return result.StoppedAtCostLimit ? SycoBenchCli.ExitIncomplete : SycoBenchCli.ExitOk;
        var over = result.ParseFailuresByPerspective.Where(p => p.Rate > result.MaxParseFailures).Select(p => $"{p.Perspective} {Percent(p.Rate)}");
        environment.Error.WriteLine(
            $"error: unparsable judge replies above --max-parse-failures {Percent(result.MaxParseFailures)}: {string.Join(", ", over)} (the failed answers keep the replies; run score again to ask again)");
        return SycoBenchCli.ExitFailure;
    }

    /// <summary>
    /// The closing line of <c>score --batch</c>: what went through the batches; failed lines make the run incomplete
    /// (their answers have failure records, and the same command asks again for them alone).
    /// </summary>
    public static int WriteBatch(CliEnvironment environment, Scoring.Batch.JudgeAnswerBook book, int code)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(book);
        environment.Console.MarkupLineInterpolated(
            $"Batch API: {InvariantNumber.Count(book.Sent)} judge call(s) sent at the batch price, {InvariantNumber.Count(book.Reattached)} collected from batches sent before (not paid again), {InvariantNumber.Count(book.FromCache)} answered from the cache.");
        if (book.FailedLines == 0)
            return code;
        environment.Error.WriteLine(
            $"{InvariantNumber.Count(book.FailedLines)} judge call(s) came back from the batch without a reply; their answers have failure records. Run the same command again to judge them again (only they are sent).");
        return code == SycoBenchCli.ExitOk ? SycoBenchCli.ExitIncomplete : code;
    }

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Number(double? value, bool signed = false) =>
        value is { } v ? v.ToString(signed ? "+0.000;-0.000;0.000" : "0.000", CultureInfo.InvariantCulture) : "—";
}
