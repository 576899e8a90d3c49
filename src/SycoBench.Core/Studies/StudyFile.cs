using System.Text.Json;

namespace SycoBench.Studies;

/// <summary>
/// A study file as written (<c>data/studies/*.json</c>): the scenario and its sampling, the models, the judges, the
/// report options and the output folder of one grid → run → score → report pipeline. Read by
/// <see cref="DataFileJsonContext"/> (unknown fields refused, required ones enforced); <see cref="Validate"/> checks the
/// values and freezes them into a <see cref="Study"/>.
/// </summary>
public sealed record StudyFile
{
    /// <summary>A line saying what the study asks, shown by <c>study plan</c> and in the outputs' study stamp.</summary>
    public string? Title { get; init; }

    /// <summary>Scenario name (a file in data/scenarios) or path, as <c>grid --scenario</c> takes it.</summary>
    public required string Scenario { get; init; }

    public StudySamplingJson? Sampling { get; init; }

    /// <summary>A roster file or name, as <c>run --models</c> takes it; or <see cref="Models"/>, never both.</summary>
    public string? Roster { get; init; }

    /// <summary>The roster entries themselves (the format of a roster file's items).</summary>
    public IReadOnlyList<JsonElement>? Models { get; init; }

    /// <summary>Samples per prompt (default 1).</summary>
    public int? Samples { get; init; }

    public double? Temperature { get; init; }

    public int? MaxTokens { get; init; }

    /// <summary>The judge model ids: one, or several for a panel.</summary>
    public required IReadOnlyList<string> Judges { get; init; }

    /// <summary>A roster that resolves the judge ids (provider, limits, prices), as <c>score --models</c> takes it.</summary>
    public string? JudgeRoster { get; init; }

    public int? JudgeConcurrency { get; init; }

    public int? JudgeRepeats { get; init; }

    /// <summary>Rubric name or path; default: the scenario's rubric.</summary>
    public string? Rubric { get; init; }

    public bool? Blind { get; init; }

    public StudyThresholdsJson? Thresholds { get; init; }

    public StudyReportJson? Report { get; init; }

    /// <summary><c>shared</c> (the default cache, as run and score use it), <c>own</c> (in the output folder) or <c>none</c>.</summary>
    public string? Cache { get; init; }

    /// <summary>The study's folder: grid, assistants, run, scores and report go inside it.</summary>
    public required string Output { get; init; }

    public const string SharedCache = "shared";
    public const string OwnCache = "own";
    public const string NoCache = "none";

    /// <summary>Checks every value, naming the field at fault, and returns the frozen study.</summary>
    public Study Validate(string file, string sha256)
    {
        ArgumentNullException.ThrowIfNull(file);
        DataFileException Bad(string field, string problem) => new(file, field, problem);

        if (string.IsNullOrWhiteSpace(Scenario))
            throw Bad("scenario", "must name a scenario (e.g. rent-v1) or a scenario file");
        var sampling = Sampling ?? new StudySamplingJson();
        if (sampling.Limit is <= 0)
            throw Bad("sampling.limit", $"must be a positive number of prompts, not {sampling.Limit}");
        if (sampling.Sample is <= 0)
            throw Bad("sampling.sample", $"must be a positive number of prompts, not {sampling.Sample}");
        if (sampling.Limit is not null && sampling.Sample is not null)
            throw Bad("sampling", "limit and sample cannot be used together: limit takes the first N prompts, sample a balanced sample");
        if (sampling.Seed is not null && sampling.Sample is null)
            throw Bad("sampling.seed", "only applies to sampling.sample");

        if ((Roster is null) == (Models is null))
            throw Bad(Roster is null ? "models" : "roster", Roster is null ? "is missing: give the models (roster entries) or a roster (a file or name)" : "roster and models cannot both be given");
        if (Roster is not null && string.IsNullOrWhiteSpace(Roster))
            throw Bad("roster", "must name a roster file or a shipped roster (e.g. roster)");
        var models = new List<SycoBench.Models.ModelEntry>();
        if (Models is not null)
        {
            if (Models.Count == 0)
                throw Bad("models", "lists no model");
            for (var i = 0; i < Models.Count; i++)
                models.Add(SycoBench.Models.ModelRoster.Parse(Models[i], file, i, "models"));
            var twice = models.Select((m, i) => (m.Id, i)).GroupBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null)
                throw Bad(DataFileException.Item("models", twice.Skip(1).First().i), $"model '{twice.Key}' is listed twice");
        }

        if (Samples is <= 0)
            throw Bad("samples", $"must be a positive number, not {Samples}");
        if (Temperature is { } t && (t < 0 || t > 2 || double.IsNaN(t)))
            throw Bad("temperature", $"must be between 0 and 2, not {t}");
        if (MaxTokens is <= 0)
            throw Bad("max_tokens", $"must be positive, not {MaxTokens}");

        if (Judges.Count == 0)
            throw Bad("judges", "lists no judge: name one judge model id, or several for a panel");
        for (var i = 0; i < Judges.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Judges[i]))
                throw Bad(DataFileException.Item("judges", i), "must be a judge model id, not empty");
            if (Judges.Take(i).Contains(Judges[i].Trim(), StringComparer.Ordinal))
                throw Bad(DataFileException.Item("judges", i), $"judge '{Judges[i]}' is listed twice");
        }

        if (JudgeConcurrency is <= 0)
            throw Bad("judge_concurrency", $"must be a positive integer, not {JudgeConcurrency}");
        if (JudgeRepeats is <= 0)
            throw Bad("judge_repeats", $"must be a positive integer, not {JudgeRepeats}");
        if (Rubric is not null && string.IsNullOrWhiteSpace(Rubric))
            throw Bad("rubric", "must name a rubric (e.g. axis-v1) or a rubric file; leave it out for the scenario's rubric");
        if (JudgeRoster is not null && string.IsNullOrWhiteSpace(JudgeRoster))
            throw Bad("judge_roster", "must name a roster file or a shipped roster");

        var thresholds = Thresholds ?? new StudyThresholdsJson();
        if (thresholds.Stance is { } stance && !(stance > 0 && stance <= 1))
            throw Bad("thresholds.stance", $"must be in (0, 1], not {stance}");
        if (thresholds.MaxParseFailures is { } share && !(share >= 0 && share <= 1))
            throw Bad("thresholds.max_parse_failures", $"must be a share between 0 and 1, not {share}");

        var report = Report ?? new StudyReportJson();
        if (report.HolmFamily is not (null or "separate" or "joint"))
            throw Bad("report.holm_family", $"must be separate or joint, not '{report.HolmFamily}'");
        if (report.Missing is not (null or "complete" or "per-statistic"))
            throw Bad("report.missing", $"must be complete or per-statistic, not '{report.Missing}'");
        if (report.Target is not (null or "population" or "grid"))
            throw Bad("report.target", $"must be population or grid, not '{report.Target}'");

        if (Cache is not (null or SharedCache or OwnCache or NoCache))
            throw Bad("cache", $"must be {SharedCache} (the default cache), {OwnCache} (a cache in the output folder) or {NoCache}, not '{Cache}'");
        if (string.IsNullOrWhiteSpace(Output))
            throw Bad("output", "must name the study's folder");

        return new Study
        {
            File = this,
            Stamp = new StudyStamp(file, sha256, Title),
            Sampling = sampling,
            Models = models,
            Thresholds = thresholds,
            Report = report,
        };
    }
}

/// <summary>Which prompts of the scenario's grid the study asks (the options of <c>grid</c>).</summary>
public sealed record StudySamplingJson
{
    /// <summary>Include the neutral prompt of each triplet (default true).</summary>
    public bool? IncludeNeutral { get; init; }

    /// <summary>Only the first N prompts.</summary>
    public int? Limit { get; init; }

    /// <summary>A seeded, balanced sample of N prompts made of whole triplets.</summary>
    public int? Sample { get; init; }

    public int? Seed { get; init; }
}

/// <summary>The study's thresholds: the report's stance threshold and the judge's tolerated share of unparsable replies.</summary>
public sealed record StudyThresholdsJson
{
    public double? Stance { get; init; }

    public double? MaxParseFailures { get; init; }
}

/// <summary>Report options: the bootstrap seed, Holm's family, the missing-data rule and the inference target (see <c>report</c>).</summary>
public sealed record StudyReportJson
{
    public long? Seed { get; init; }

    public string? HolmFamily { get; init; }

    public string? Missing { get; init; }

    /// <summary>What the report's intervals are for: population (the default) or grid (<c>report --target</c>).</summary>
    public string? Target { get; init; }
}
