using SycoBench.Records;
using SycoBench.Scenarios;

namespace SycoBench.Cli.Commands;

/// <summary><c>sycobench grid</c>: builds a scenario's prompt grid and writes grid.jsonl.</summary>
public sealed class GridCommand(CliEnvironment environment) : Command<GridSettings>
{
    private const int PreviewCount = 3;

    public static void Register(IConfigurator config) =>
        config.AddCommand<GridCommand>("grid")
            .WithDescription("Build the matched-triplet prompt grid of a scenario and write it as JSONL.")
            .WithExample("grid")
            .WithExample("grid", "--scenario", "wage-v1", "--out", "outputs/raw/wage-grid.jsonl")
            .WithExample("grid", "--sample", "9", "--seed", "7");

    public override int Execute(CommandContext context, GridSettings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioCatalog.Load(settings.Scenario, environment.WorkingDirectory);
        var grid = GridBuilder.Build(scenario, settings.WithNeutral);

        IReadOnlyList<GridPrompt> prompts;
        string selection;
        if (settings.Sample is { } sample)
        {
            var seed = settings.Seed ?? 0;
            try
            {
                prompts = GridSampler.SamplePrompts(grid, sample, seed);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException("--sample: " + ex.Message.Split(" (Parameter", 2)[0]);
            }

            selection = $"balanced sample of {prompts.Count / grid.PromptsPerTriplet} triplets, seed {seed}";
        }
        else if (settings.Limit is { } limit)
        {
            prompts = grid.Take(limit);
            selection = $"first {prompts.Count} prompts";
        }
        else
        {
            prompts = grid.Prompts;
            selection = "full grid";
        }

        var outPath = environment.Resolve(settings.Out);
        new OutputGuard(environment).Input("--scenario", scenario.SourcePath).File("--out", outPath);
        JsonlFile.WriteAll(outPath, prompts, RecordJsonContext.Default.GridPrompt);

        var console = environment.Console;
        console.MarkupLineInterpolated(
            $"[bold]{scenario.Id}[/] ({scenario.Title}): {grid.Prompts.Count} prompts in {grid.Triplets.Count} triplets; {selection}.");
        var table = ConsoleTable.Of(LabelColumn("perspective"), NumberColumn("prompts"));
        foreach (var group in prompts.GroupBy(p => p.Perspective ?? "?"))
            table.AddRow(TerminalSafety.Escape(group.Key), group.Count().ToString(CultureInfo.InvariantCulture));
        table.AddRow("[bold]total[/]", $"[bold]{prompts.Count.ToString(CultureInfo.InvariantCulture)}[/]");
        console.Write(table);

        foreach (var prompt in prompts.Take(PreviewCount))
        {
            var user = prompt.Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
            console.MarkupLineInterpolated($"[grey]{prompt.PromptId}[/] [blue]{prompt.Perspective}[/]: {user}");
        }

        console.MarkupLineInterpolated($"Wrote {prompts.Count} prompts to [green]{environment.Display(outPath)}[/] (scenario sha256 {scenario.Sha256[..12]}).");
        return SycoBenchCli.ExitOk;
    }
}
