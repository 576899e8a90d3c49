using SycoBench.Running;

namespace SycoBench.Cli.Commands;

/// <summary>Progress of a run: a live table in a terminal, plain periodic lines otherwise, and the closing table.</summary>
internal static class RunDisplay
{
    private static readonly TimeSpan LiveRefresh = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    public static async Task<T> ShowWhileAsync<T>(CliEnvironment environment, RunProgress progress, Task<T> work)
    {
        if (environment.Interactive)
        {
            await environment.Console.Live(Table(progress, live: true)).StartAsync(async context =>
            {
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(LiveRefresh));
                    context.UpdateTarget(Table(progress, live: true));
                }
            });
        }
        else
        {
            while (await Task.WhenAny(work, Task.Delay(PlainInterval)) != work)
            {
                foreach (var model in progress.Models)
                    environment.Console.WriteLine(PlainLine(progress, model));
            }
        }

        return await work;
    }

    public static Table Table(RunProgress progress, bool live)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("model");
        foreach (var column in live
                     ? new[] { "done", "errors", "retries", "cached", "tokens", "cost", "ETA" }
                     : new[] { "ok", "failed", "calls", "retries", "cached", "p50 ms", "p95 ms", "tokens", "cost", "estimated" })
        {
            table.AddColumn(NumberColumn(column));
        }

        foreach (var model in progress.Models)
        {
            var name = TerminalSafety.Escape(model.ModelId) + (model.StoppedBecause is { } why ? $" [red]({TerminalSafety.Escape(why)})[/]" : "");
            if (live && progress.RateLimitWait(model) is { } waiting)
                name += $" [yellow](waiting {TerminalSafety.Escape(Seconds(waiting))} on rate limit)[/]";
            if (live && model.BatchStatus is { } batch)
                name += $" [yellow]({TerminalSafety.Escape(batch)})[/]";
            if (live)
            {
                table.AddRow(name,
                    $"{model.Done}/{model.Total}",
                    Number(model.Failed),
                    Number(model.Retries),
                    Number(model.Cached),
                    Number(model.Tokens),
                    model.Cost.ToString(),
                    progress.EstimatedTimeLeft(model) is { } eta ? Duration(eta) : "—");
            }
            else
            {
                table.AddRow(name,
                    Number(model.Ok + model.AlreadyDone),
                    Number(model.Failed),
                    Number(model.Calls),
                    Number(model.Retries),
                    Number(model.Cached),
                    Ms(model.LatencyPercentile(50)),
                    Ms(model.LatencyPercentile(95)),
                    Number(model.Tokens),
                    model.Cost.ToString(),
                    Estimated(model));
            }
        }

        return table;
    }

    private static string PlainLine(RunProgress progress, ModelTally model) =>
        PlainCounts(progress, model) + (progress.RateLimitWait(model) is { } waiting ? $", waiting {Seconds(waiting)} on rate limit" : "")
        + (model.BatchStatus is { } batch ? $" ({batch})" : "");

    private static string PlainCounts(RunProgress progress, ModelTally model) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{model.ModelId}: {model.Done}/{model.Total} done, {model.Failed} errors, {model.Retries} retries, {model.Cached} cached, {model.Tokens} tokens, {model.Cost}, ETA {(progress.EstimatedTimeLeft(model) is { } eta ? Duration(eta) : "—")}");

    /// <summary>The plan's estimate scaled to the answers paid for, so a stopped or partly cached run compares like with like.</summary>
    private static string Estimated(ModelTally model)
    {
        if (model.Estimate is not { Requests: > 0 } estimate)
            return "—";
        var share = (double)(model.Ok - model.Cached) / estimate.Requests;
        return RunSetup.Money(estimate.CostUsd * share);
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "—";

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
