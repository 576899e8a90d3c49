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
                .WithExample("scorer", "train", "--input", "data/humanLabel/reviews/aita_reviews.jsonl", "--out", "outputs/scorer/aita-human.zip")
                .WithExample("scorer", "train", "--input", "reviews.jsonl", "--responses", "outputs/runs/1760158358/run.jsonl", "--out", "outputs/scorer/human.zip");
        });

    public override int Execute(CommandContext context, ScorerTrainSettings settings, CancellationToken cancellationToken)
    {
        var input = environment.Resolve(settings.Input!);
        var responses = settings.Responses is null ? null : environment.Resolve(settings.Responses);
        new OutputGuard(environment).Input("--input", input).Input("--responses", responses).File("--out", settings.Out!);
        var set = TrainingSetReader.Read(input, responses, cancellationToken);
        foreach (var issue in set.Issues)
            environment.Warn(issue.ToString());
        if (LatestPerKey.Notice(environment.Display(input), set.Superseded) is { } superseded)
            environment.Warn(superseded);

        var console = environment.Console;
        if (set.Kind == TrainingSource.JudgeScores)
        {
            var leftOut = set.LeftOut == 0 ? "" : $"; {set.LeftOut} left out (no score or no answer text)";
            console.MarkupLineInterpolated($"Training set: [bold]{set.Examples.Count}[/] answers with a judge score from {environment.Display(input)}{leftOut}.");
        }
        else
        {
            console.MarkupLineInterpolated($"Training set: [bold]{set.Examples.Count}[/] reviewed answers from {environment.Display(input)}, each labelled with its human consensus (answer text from {environment.Display(set.AnswerSource!)}).");
            if (set.AiReviews > 0)
                console.MarkupLineInterpolated($"Left out {set.AiReviews} reviews by AI reviewers (llm: codes): the labels are people's.");
            if (set.MixedSignAnswers > 0)
                console.MarkupLineInterpolated($"Left out {set.MixedSignAnswers} answers whose reviewers disagree in sign (no consensus; agreement --decisions settles them).");
            if (set.LeftOut > 0)
                console.MarkupLineInterpolated($"Left out {set.LeftOut} reviews with no score or whose answer text was not found.");
        }

        var named = settings.ParsedTrainer;
        var (scorer, report) = OfflineScorerTrainer.Train(set.Examples, new OfflineTrainingOptions
        {
            Seed = settings.Seed,
            Holdout = settings.Holdout,
            Trainer = named,
            Folds = settings.Folds,
        });
        if (report.CrossValidation.Count > 0)
        {
            var cv = ConsoleTable.Of(
                LabelColumn("trainer"), NumberColumn($"{report.CrossValidation[0].Folds}-fold CV MAE"), NumberColumn("CV Pearson r"));
            foreach (var candidate in report.CrossValidation)
                cv.AddRow(Name(candidate.Trainer), Format(candidate.MeanAbsoluteError), double.IsFinite(candidate.PearsonR) ? Format(candidate.PearsonR) : "undefined (constant)");
            console.Write(cv);
            console.MarkupLineInterpolated($"Picked {Name(report.Trainer)}: the lower cross-validated MAE on the training answers (--trainer names one instead).");
        }

        using (scorer)
        {
            var outPath = environment.Resolve(settings.Out!);
            scorer.Save(outPath);

            console.MarkupLineInterpolated(
                $"Trained {Name(report.Trainer)} on {report.TrainExamples} answers; held out {report.HeldOutExamples} (seed {report.Seed}).");
            var table = ConsoleTable.Of(LabelColumn("held-out figure"), NumberColumn("value"));
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

    private static string Name(OfflineTrainer trainer) => trainer == OfflineTrainer.FastTree ? "fasttree" : "sdca";

    private static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
