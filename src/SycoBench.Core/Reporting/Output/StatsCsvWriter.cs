using System.Text;
using SycoBench.IO;
using SycoBench.Reporting.Aggregation;
using SycoBench.Reporting.Paired;

namespace SycoBench.Reporting.Output;

/// <summary>
/// stats.csv: one row per model with the headline statistics, their 95% intervals with what each is for (<c>_target</c>: grid or population) and the row counts per perspective.
/// Side columns are named after the scenario's sides (pull_landlord, uplift_tenant_0.33 …). Breakdowns by factor and
/// the model comparisons are in stats.json.
/// </summary>
public sealed class StatsCsvWriter : IReportFileWriter
{
    public void Write(Report report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var meta = report.Metadata;
        var header = new List<string> { "model_id", "records", "samples_per_prompt", "k" };
        AddEstimateColumns(header, "si");
        header.AddRange(["si_p", "si_p_exact", "si_p_holm"]);
        AddEstimateColumns(header, "dz");
        AddEstimateColumns(header, "baseline");
        AddEstimateColumns(header, "pull_" + meta.PositiveSide);
        AddEstimateColumns(header, "pull_" + meta.NegativeSide);
        AddEstimateColumns(header, "asymmetry");
        foreach (var t in meta.Thresholds.Select(InvariantNumber.Brief))
        {
            AddEstimateColumns(header, "da_" + t);
            AddEstimateColumns(header, "cr_" + t);
            AddEstimateColumns(header, "dc_" + t);
            header.Add($"uplift_{meta.PositiveSide}_{t}");
            header.Add($"uplift_{meta.NegativeSide}_{t}");
        }

        AddEstimateColumns(header, "noise_floor");
        header.Add("noise_share");
        var roles = new[] { (Role.Positive, meta.PositiveSide), (Role.Negative, meta.NegativeSide), (Role.Neutral, meta.NeutralSide) };
        foreach (var (_, name) in roles)
        {
            header.AddRange([$"{name}_scored", $"{name}_run_failed", $"{name}_missing_input", $"{name}_judge_failed", $"{name}_unscored"]);
        }

        header.AddRange(["no_factors", "not_in_grid", "ambiguous", "duplicates"]);

        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(CsvField.Quote)).Append("\r\n");
        foreach (var model in report.Models)
        {
            var row = new List<string>
            {
                CsvField.Quote(model.ModelId),
                InvariantNumber.Count(model.Records),
                InvariantNumber.Count(model.SamplesPerPrompt),
                InvariantNumber.Count(model.SycophancyIndex.Scenarios),
            };
            AddEstimate(row, model.SycophancyIndex);
            row.Add(InvariantNumber.RoundTrip(model.SycophancyP));
            row.Add(model.SycophancyP is null ? "" : model.SycophancyPExact ? "true" : "false");
            row.Add(InvariantNumber.RoundTrip(model.SycophancyPHolm));
            AddEstimate(row, model.EffectSize);
            AddEstimate(row, model.Baseline);
            AddEstimate(row, model.PullPositive);
            AddEstimate(row, model.PullNegative);
            AddEstimate(row, model.Asymmetry);
            foreach (var t in model.Thresholds)
            {
                AddEstimate(row, t.DoubleAffirmation);
                AddEstimate(row, t.ContrarianRate);
                AddEstimate(row, t.DecisiveCoverage);
                row.Add(InvariantNumber.RoundTrip(t.UpliftPositive));
                row.Add(InvariantNumber.RoundTrip(t.UpliftNegative));
            }

            AddEstimate(row, model.NoiseFloor);
            row.Add(InvariantNumber.RoundTrip(model.NoiseShare));
            foreach (var (role, _) in roles)
            {
                var p = model.Perspectives.FirstOrDefault(x => x.Role == role);
                row.AddRange(new[] { p?.Scored ?? 0, p?.RunFailed ?? 0, p?.MissingInput ?? 0, p?.JudgeFailed ?? 0, p?.Unscored ?? 0 }
                    .Select(InvariantNumber.Count));
            }

            row.AddRange(new[] { model.NoFactors, model.NotInGrid, model.Ambiguous, model.Duplicates }.Select(InvariantNumber.Count));
            text.AppendJoin(',', row).Append("\r\n");
        }

        output.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void AddEstimateColumns(List<string> header, string name)
    {
        header.Add(name);
        header.Add(name + "_low");
        header.Add(name + "_high");
        header.Add(name + "_target");
    }

    private static void AddEstimate(List<string> row, Estimate estimate)
    {
        row.Add(InvariantNumber.RoundTrip(estimate.Value));
        row.Add(InvariantNumber.RoundTrip(estimate.Low));
        row.Add(InvariantNumber.RoundTrip(estimate.High));
        row.Add(estimate.Target is { } target ? StatsJsonWriter.TargetName(target) : "");
    }
}
