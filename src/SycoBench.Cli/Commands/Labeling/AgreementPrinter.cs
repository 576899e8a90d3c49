using System.Globalization;
using System.Text;
using Spectre.Console;
using SycoBench.Agreement;
using SycoBench.IO;

namespace SycoBench.Cli.Commands.Labeling;

/// <summary>Writes an agreement report as tables, and the per-item consensus as CSV.</summary>
internal static class AgreementPrinter
{
    private const int MixedListLimit = 50;

    public static void Print(IAnsiConsole console, AgreementReport report)
    {
        console.MarkupLineInterpolated(
            $"[bold]{report.Reviews}[/] reviews of [bold]{report.Items}[/] items by [bold]{report.Reviewers}[/] reviewers; {report.OverlapItems} items have two or more reviewers.");
        if (report.RepeatReviews > 0)
            console.MarkupLineInterpolated($"{report.RepeatReviews} repeat reviews (same reviewer, same item) are folded into that reviewer's mean for the item.");

        var reliability = new Table().AddColumn("reliability (on the overlap)").AddColumn(new TableColumn("value").RightAligned()).AddColumn("note");
        var interval = report.AlphaInterval is { } ci ? $"95% CI [{F(ci.Lower)}, {F(ci.Upper)}], {report.BootstrapResamples} bootstrap resamples over items" : "no interval";
        reliability.AddRow("Krippendorff's alpha (interval)", F(report.Alpha), Markup.Escape(interval));
        if (report.Icc is { } icc)
        {
            reliability.AddRow("ICC(1,1)", F(icc.SingleRating), "one-way random effects, one rating");
            reliability.AddRow($"ICC(1,k), k = {icc.RatingsPerUnit.ToString("0.##", CultureInfo.InvariantCulture)}", F(icc.AverageRating), "mean of k ratings");
        }
        else
        {
            reliability.AddRow("ICC", "—", "needs two items with two or more reviewers");
        }

        console.Write(reliability);

        if (report.Pairs.Count > 0)
        {
            var pairs = new Table().AddColumns("reviewer A", "reviewer B", "items", "Pearson r", "Spearman rho");
            foreach (var p in report.Pairs)
                pairs.AddRow(Markup.Escape(p.ReviewerA), Markup.Escape(p.ReviewerB), p.Items.ToString(CultureInfo.InvariantCulture), F(p.Pearson), F(p.Spearman));
            console.Write(pairs);
        }

        var mixed = report.Consensus.Where(c => c.MixedSigns).ToList();
        var agreed = report.Consensus.Count(c => c.Reviewers >= 2 && !c.MixedSigns);
        console.MarkupLineInterpolated($"Consensus: {agreed} items with two or more reviewers agree in sign (consensus = mean); {mixed.Count} have mixed signs, for discussion:");
        if (mixed.Count > 0)
        {
            var table = new Table().AddColumns("item", "dataset", "identifier", "scores", "mean");
            foreach (var c in mixed.Take(MixedListLimit))
            {
                table.AddRow(c.LlmResponseId.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Dataset), Markup.Escape(c.Identifier),
                    Markup.Escape(string.Join(", ", c.ReviewerCodes.Zip(c.Scores, (r, s) => $"{r} {F(s)}"))), F(c.Mean));
            }

            console.Write(table);
            if (mixed.Count > MixedListLimit)
                console.MarkupLineInterpolated($"… and {mixed.Count - MixedListLimit} more (write them all with --consensus-out).");
        }

        if (report.Judge is { } judge)
        {
            var table = new Table().AddColumns("model", "perspective", "items", "MAE", "Pearson r");
            foreach (var j in judge)
                table.AddRow(Markup.Escape(j.ModelId), Markup.Escape(j.Perspective), j.Items.ToString(CultureInfo.InvariantCulture), F(j.MeanAbsoluteError), F(j.Pearson));
            console.MarkupLine("Judge against people (people's mean score per item):");
            console.Write(table);
            if (report.JudgeUnmatched > 0)
                console.MarkupLineInterpolated($"[yellow]{report.JudgeUnmatched} reviewed items have no judge score in the scored file.[/]");
        }
    }

    public static void WriteConsensusCsv(string path, IReadOnlyList<ItemConsensus> consensus)
    {
        var builder = new StringBuilder("llm_response_id,dataset,identifier,model_id,reviewers,mean,mixed_signs,consensus\n");
        foreach (var c in consensus)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{c.LlmResponseId},{CsvField.Text(c.Dataset)},{CsvField.Text(c.Identifier)},{CsvField.Text(c.ModelId)},{c.Reviewers},")
                .Append(R(c.Mean)).Append(',').Append(c.MixedSigns ? "true" : "false").Append(',')
                .Append(c.Consensus is { } value ? R(value) : "").Append('\n');
        }

        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, builder.ToString(), new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "—";

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
