using System.Text.Encodings.Web;
using System.Text.Json;
using SycoBench.Reporting.Paired;

namespace SycoBench.Reporting.Output;

/// <summary>
/// stats.json: the whole report for programs — metadata, data quality, each model's statistics with intervals,
/// breakdowns by factor, model comparisons and the summary. Values that do not exist are null.
/// </summary>
public sealed class StatsJsonWriter : IReportFileWriter
{
    public void Write(Report report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var meta = report.Metadata;
        json.WriteStartObject();
        json.WriteString("sycobench_version", meta.Version);
        json.WriteString("generated_at", meta.GeneratedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        WriteInput(json, meta);
        WriteMethod(json, meta);
        WriteRun(json, meta);
        WriteQuality(json, report.Quality);

        json.WriteStartArray("models");
        foreach (var model in report.Models)
            WriteModel(json, model);
        json.WriteEndArray();

        json.WriteStartArray("comparisons");
        foreach (var comparison in report.Comparisons)
        {
            json.WriteStartObject();
            json.WriteString("model_a", comparison.ModelA);
            json.WriteString("model_b", comparison.ModelB);
            WriteEstimate(json, "si_difference", comparison.Difference);
            Number(json, "p_value", comparison.PValue);
            Number(json, "p_value_holm", comparison.PValueHolm);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("summary");
        foreach (var row in report.Summary)
        {
            json.WriteStartObject();
            json.WriteString("model_id", row.ModelId);
            json.WriteNumber("n", row.N);
            Number(json, "mean_score", row.MeanScore);
            json.WriteNumber("p_neg", row.PNeg);
            json.WriteNumber("p_neu", row.PNeu);
            json.WriteNumber("p_pos", row.PPos);
            json.WriteNumber(meta.PositiveSide + "_n", row.PositiveN);
            Number(json, meta.PositiveSide + "_agree_p", row.PositiveAgreeP);
            Number(json, meta.PositiveSide + "_uplift", row.PositiveUplift);
            json.WriteNumber(meta.NegativeSide + "_n", row.NegativeN);
            Number(json, meta.NegativeSide + "_agree_p", row.NegativeAgreeP);
            Number(json, meta.NegativeSide + "_uplift", row.NegativeUplift);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteInput(Utf8JsonWriter json, ReportMetadata meta)
    {
        json.WriteStartObject("input");
        json.WriteString("path", meta.InputPath);
        json.WriteNumber("bytes", meta.InputBytes);
        json.WriteNumber("lines", meta.Lines);
        json.WriteNumber("records", meta.Records);
        json.WriteEndObject();

        json.WriteStartObject("scenario");
        json.WriteString("id", meta.ScenarioId);
        json.WriteString("title", meta.ScenarioTitle);
        json.WriteString("sha256", meta.ScenarioSha256);
        json.WriteString("source", meta.ScenarioSource);
        json.WriteString("recorded_sha256", meta.RecordedScenarioSha256);
        json.WriteStartObject("sides");
        json.WriteString("positive", meta.PositiveSide);
        json.WriteString("negative", meta.NegativeSide);
        json.WriteString("neutral", meta.NeutralSide);
        json.WriteString("positive_label", meta.PositiveLabel);
        json.WriteString("negative_label", meta.NegativeLabel);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteMethod(Utf8JsonWriter json, ReportMetadata meta)
    {
        json.WriteStartObject("method");
        json.WriteNumber("threshold", meta.Threshold);
        json.WriteStartArray("thresholds");
        foreach (var t in meta.Thresholds)
            json.WriteNumberValue(t);
        json.WriteEndArray();
        json.WriteString("unit", "scenario (matched triplet)");
        json.WriteString("interval", "95% percentile bootstrap over scenarios");
        json.WriteNumber("resamples", meta.Resamples);
        json.WriteNumber("permutations", meta.Permutations);
        json.WriteNumber("seed", meta.Seed);
        json.WriteString("comparison_correction", "Holm");
        json.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter json, ReportMetadata meta)
    {
        json.WriteStartObject("run");
        Counts(json, "models", meta.Models);
        Counts(json, "judges", meta.Judges);
        Counts(json, "rubrics", meta.Rubrics);
        Counts(json, "run_ids", meta.RunIds);
        json.WriteNumber("judge_panel_records", meta.PanelRecords);
        if (meta.PanelRecords > 0)
        {
            json.WriteNumber("judge_panel_min", meta.MinPanel);
            json.WriteNumber("judge_panel_max", meta.MaxPanel);
        }

        json.WriteString("first_run_timestamp", meta.FirstRunTimestamp);
        json.WriteString("last_run_timestamp", meta.LastRunTimestamp);
        json.WriteString("first_eval_timestamp", meta.FirstEvalTimestamp);
        json.WriteString("last_eval_timestamp", meta.LastEvalTimestamp);
        json.WriteNumber("answer_cost_usd", meta.AnswerCostUsd);
        json.WriteNumber("answer_cost_records", meta.AnswerCostRecords);
        json.WriteNumber("judge_cost_usd", meta.JudgeCostUsd);
        json.WriteNumber("judge_cost_records", meta.JudgeCostRecords);
        json.WriteEndObject();
    }

    private static void WriteQuality(Utf8JsonWriter json, DataQuality quality)
    {
        json.WriteStartObject("quality");
        json.WriteNumber("malformed_lines", quality.MalformedLines);
        json.WriteNumber("blank_lines", quality.BlankLines);
        json.WriteStartArray("problems");
        foreach (var problem in quality.Problems)
        {
            json.WriteStartObject();
            json.WriteNumber("line", problem.Line);
            json.WriteString("message", problem.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("error_examples");
        foreach (var example in quality.ErrorExamples)
        {
            json.WriteStartObject();
            json.WriteNumber("line", example.Line);
            json.WriteString("outcome", Names.Outcome(example.Outcome));
            json.WriteString("model_id", example.ModelId);
            json.WriteString("error", example.Error);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Strings(json, "notes", quality.Notes);
        json.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter json, ModelStatistics model)
    {
        json.WriteStartObject();
        json.WriteString("model_id", model.ModelId);
        json.WriteNumber("records", model.Records);
        json.WriteNumber("samples_per_prompt", model.SamplesPerPrompt);
        WriteEstimate(json, "baseline", model.Baseline);
        WriteEstimate(json, "sycophancy_index", model.SycophancyIndex);
        Number(json, "si_p_value", model.SycophancyP);
        json.WriteBoolean("si_p_value_exact", model.SycophancyPExact);
        Number(json, "si_p_value_holm", model.SycophancyPHolm);
        WriteEstimate(json, "effect_size_dz", model.EffectSize);
        WriteEstimate(json, "pull_positive", model.PullPositive);
        WriteEstimate(json, "pull_negative", model.PullNegative);
        WriteEstimate(json, "asymmetry", model.Asymmetry);
        json.WriteStartArray("thresholds");
        foreach (var t in model.Thresholds)
        {
            json.WriteStartObject();
            json.WriteNumber("threshold", t.Threshold);
            WriteEstimate(json, "double_affirmation", t.DoubleAffirmation);
            WriteEstimate(json, "contrarian_rate", t.ContrarianRate);
            WriteEstimate(json, "decisive_coverage", t.DecisiveCoverage);
            Number(json, "uplift_positive", t.UpliftPositive);
            Number(json, "uplift_negative", t.UpliftNegative);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("si_by_factor");
        foreach (var level in model.ByFactor)
        {
            json.WriteStartObject();
            json.WriteString("factor", level.Factor);
            json.WriteString("level", level.Level);
            WriteEstimate(json, "sycophancy_index", level.SycophancyIndex);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteEstimate(json, "noise_floor", model.NoiseFloor);
        Number(json, "noise_share", model.NoiseShare);
        json.WriteStartArray("perspectives");
        foreach (var p in model.Perspectives)
        {
            json.WriteStartObject();
            json.WriteString("role", Names.Role(p.Role));
            json.WriteString("name", p.Name);
            json.WriteNumber("records", p.Total);
            json.WriteNumber("scored", p.Scored);
            json.WriteNumber("run_failed", p.RunFailed);
            json.WriteNumber("missing_input", p.MissingInput);
            json.WriteNumber("judge_failed", p.JudgeFailed);
            json.WriteNumber("unscored", p.Unscored);
            json.WriteStartObject("stance");
            json.WriteNumber("neg", p.Negative);
            json.WriteNumber("neu", p.Neutral);
            json.WriteNumber("pos", p.Positive);
            json.WriteEndObject();
            json.WriteStartArray("score_histogram");
            foreach (var count in p.Histogram)
                json.WriteNumberValue(count);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("unmatched");
        json.WriteNumber("no_factors", model.NoFactors);
        json.WriteNumber("not_in_grid", model.NotInGrid);
        json.WriteNumber("ambiguous", model.Ambiguous);
        json.WriteEndObject();
        json.WriteNumber("duplicates", model.Duplicates);
        Strings(json, "notes", model.Notes);
        json.WriteEndObject();
    }

    private static void WriteEstimate(Utf8JsonWriter json, string name, Estimate estimate)
    {
        json.WriteStartObject(name);
        Number(json, "value", estimate.Value);
        Number(json, "ci_low", estimate.Low);
        Number(json, "ci_high", estimate.High);
        json.WriteNumber("k", estimate.Scenarios);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
            json.WriteNumber(name, v);
        else
            json.WriteNull(name);
    }

    private static void Counts(Utf8JsonWriter json, string name, IReadOnlyList<KeyValuePair<string, long>> counts)
    {
        json.WriteStartArray(name);
        foreach (var (key, count) in counts)
        {
            json.WriteStartObject();
            json.WriteString("id", key);
            json.WriteNumber("records", count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
