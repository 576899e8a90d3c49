using SycoBench.Records;
using SycoBench.Running;

namespace SycoBench.Cli.Commands;

/// <summary><c>sycobench merge</c>: joins run folders of one grid (e.g. the parts of <c>run --shard I/N</c>) into one.</summary>
public sealed class MergeCommand(CliEnvironment environment) : Command<MergeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN_DIR>")]
        [Description("The run folders to join (two or more), e.g. the folders of the shards of one run.")]
        public string[] Runs { get; init; } = [];

        [CommandOption("--out <DIR>")]
        [Description("The new run folder to write (must not exist or be empty, and lie outside every input).")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Out is null ? ValidationResult.Error("--out is required: the new run folder to write")
            : Runs.Length < 2 ? ValidationResult.Error($"merge needs at least two run folders (got {Runs.Length})")
            : ValidationResult.Success();
    }

    public static void Register(IConfigurator config) =>
        config.AddCommand<MergeCommand>("merge")
            .WithDescription("Join run folders of the same grid, models and parameters (e.g. shards) into one; latest record per key.")
            .WithExample("merge", "outputs/runs/study/part-1", "outputs/runs/study/part-2", "outputs/runs/study/part-3", "--out", "outputs/runs/study/all");

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        CacheCommands.RefuseUnknownOptions(context);
        var guard = new OutputGuard(environment);
        foreach (var run in settings.Runs)
        {
            foreach (var file in new[] { RunFolder.ManifestFile, RunFolder.RecordsFile, RunFolder.ScoredFile })
                guard.Input("<RUN_DIR>", Path.Combine(environment.Resolve(run), file));
        }

        guard.RunFolder("--out", settings.Out!).File("--out", Path.Combine(environment.Resolve(settings.Out!), RunFolder.ScoredFile));
        if (RunMerge.PathProblem(settings.Runs.Select(environment.Resolve).ToArray(), environment.Resolve(settings.Out!)) is { } problem)
            throw new CliUsageException(problem);
        var result = RunMerge.Merge(settings.Runs.Select(environment.Resolve).ToArray(), environment.Resolve(settings.Out!), cancellationToken);
        foreach (var warning in result.Warnings)
            environment.Warn(CacheCommands.Safe(warning));

        var console = environment.Console;
        var output = environment.Display(result.Output.Directory);
        var shards = result.Shards.Length == 0 ? "" : $" (shards {string.Join(", ", result.Shards.Select(s => s.ToString()))})";
        console.WriteLine($"Merged {settings.Runs.Length} run folders{shards} into {output}: {CacheCommands.Count(result.Records)} records in {RunFolder.RecordsFile}.");
        if (LatestPerKey.Notice(RunFolder.RecordsFile, result.Superseded) is { } superseded)
            console.WriteLine(superseded);
        if (result.ScoredRecords is { } scored)
        {
            console.WriteLine($"{CacheCommands.Count(scored)} records in {RunFolder.ScoredFile}.");
            if (LatestPerKey.Notice(RunFolder.ScoredFile, result.ScoredSuperseded) is { } scoredSuperseded)
                console.WriteLine(scoredSuperseded);
        }

        if (result.MissingShards.Length > 0)
            environment.Warn($"shards {string.Join(", ", result.MissingShards.Select(i => $"{i}/{result.Shards[0].Count}"))} are not among the inputs");
        if (result.MissingKeys > 0)
        {
            environment.Warn($"{CacheCommands.Count(result.MissingKeys)} key(s) have no record; ask them with: sycobench run --resume {output}");
            return SycoBenchCli.ExitIncomplete;
        }

        return SycoBenchCli.ExitOk;
    }
}
