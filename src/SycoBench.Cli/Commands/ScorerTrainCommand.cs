using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SycoBench.Records;
using SycoBench.Scoring.Offline;

namespace SycoBench.Cli.Commands;

/// <summary><c>sycobench scorer train</c>: trains the offline scorer on judge scores or human labels and reports held-out figures.</summary>
public sealed class ScorerTrainCommand(CliEnvironment environment) : Command<ScorerTrainSettings>
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("scorer", scorer =>
        {
            scorer.SetDescription("The offline scorer: a text model that scores answers with no API call.");
            scorer.AddCommand<ScorerTrainCommand>("train")
                .WithDescription("Train the offline scorer on a scored run or on human reviews; report held-out MAE and Pearson r.")
                .WithExample("scorer", "train", "--input", "outputs/runs/1760158358/run_scored.jsonl", "--out", "outputs/scorer/model.zip")
                .WithExample("scorer", "train", "--input", "reviews.jsonl", "--responses", "outputs/runs/1760158358/run.jsonl", "--out", "outputs/scorer/human.zip");
        });

    public override int Execute(CommandContext context, ScorerTrainSettings settings, CancellationToken cancellationToken)
    {
        var input = environment.Resolve(settings.Input!);
        var responses = settings.Responses is null ? null : environment.Resolve(settings.Responses);
        var set = TrainingSetReader.Read(input, responses, cancellationToken);
        foreach (var issue in set.Issues)
            environment.Warn(issue.ToString());
        if (LatestPerKey.Notice(environment.Display(input), set.Superseded) is { } superseded)
            environment.Warn(superseded);

        var console = environment.Console;
        var what = set.Kind == TrainingSource.JudgeScores ? "answers with a judge score" : "reviewed answers (label: mean of their reviews)";
        var leftOut = set.LeftOut == 0 ? "" : set.Kind == TrainingSource.JudgeScores
            ? $"; {set.LeftOut} left out (no score or no answer text)"
            : $"; {set.LeftOut} reviews left out (answer not found in {environment.Display(responses!)} or no score)";
        console.MarkupLineInterpolated($"Training set: [bold]{set.Examples.Count}[/] {what} from {environment.Display(input)}{leftOut}.");

        var trainer = settings.Trainer == "fasttree" ? OfflineTrainer.FastTree : OfflineTrainer.Sdca;
        var (scorer, report) = OfflineScorerTrainer.Train(set.Examples, new OfflineTrainingOptions { Seed = settings.Seed, Holdout = settings.Holdout, Trainer = trainer });
        using (scorer)
        {
            var outPath = environment.Resolve(settings.Out!);
            scorer.Save(outPath);

            console.MarkupLineInterpolated(
                $"Trained {settings.Trainer} on {report.TrainExamples} answers; held out {report.HeldOutExamples} (seed {report.Seed}).");
            var table = new Table().AddColumn("held-out figure").AddColumn(new TableColumn("value").RightAligned());
            table.AddRow("MAE (mean absolute error)", Format(report.MeanAbsoluteError));
            table.AddRow("Pearson r", double.IsFinite(report.PearsonR) ? Format(report.PearsonR) : "undefined (no variation)");
            table.AddRow("MAE of always predicting the training mean", Format(report.BaselineMeanAbsoluteError));
            console.Write(table);
            if (!(report.MeanAbsoluteError < report.BaselineMeanAbsoluteError))
                environment.Warn("the model does not beat predicting the training mean on the held-out answers; more or more varied labels are needed");

            var display = environment.Display(outPath);
            console.MarkupLineInterpolated($"Wrote the model to [green]{display}[/]. Score a run with it: sycobench score --scorer offline:{display}");
        }

        return SycoBenchCli.ExitOk;
    }

    private static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
