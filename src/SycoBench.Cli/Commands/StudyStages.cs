using SycoBench.Studies;

namespace SycoBench.Cli.Commands;

/// <summary>
/// A study as the four commands it stands for: the files of its folder, and the arguments of <c>grid</c>, <c>run</c>,
/// <c>score</c> and <c>report</c> that the study runs — the same commands, so a study and the four commands typed by
/// hand make the same files.
/// </summary>
internal sealed class StudyStages(Study study, string outputDirectory)
{
    /// <summary>The study folder's record of the study it holds (<see cref="StudyStamp"/> as JSON).</summary>
    public const string MarkerFile = ".sycobench-study";

    public const string GridFile = "grid.jsonl";
    public const string AssistantsFile = "assistants.json";
    public const string RunFolderName = "run";
    public const string ReportFolderName = "report";

    public Study Study { get; } = study;

    public string Output { get; } = outputDirectory;

    public string Marker => Path.Combine(Output, MarkerFile);

    public string Grid => Path.Combine(Output, GridFile);

    /// <summary>Where the study's inline models are written as a roster; null when the study names a roster file.</summary>
    public string? Assistants => Study.File.Models is null ? null : Path.Combine(Output, AssistantsFile);

    public string RunDirectory => Path.Combine(Output, RunFolderName);

    public string Records => Path.Combine(RunDirectory, Running.RunFolder.RecordsFile);

    public string Scored => Path.Combine(RunDirectory, "run_scored.jsonl");

    public string ReportDirectory => Path.Combine(Output, ReportFolderName);

    /// <summary>The cache of <c>cache: own</c>: inside the study folder, replaced with it.</summary>
    public string OwnCache => Path.Combine(Output, "cache", "responses.db");

    /// <summary>Whether <c>run</c> has started: its folder holds run_grid.json, so the next run resumes it.</summary>
    public bool RunStarted => File.Exists(Path.Combine(RunDirectory, Running.RunFolder.ManifestFile));

    public string[] GridArguments(string gridPath)
    {
        var sampling = Study.Sampling;
        var args = new List<string> { "grid", "--scenario", Study.File.Scenario, "--out", gridPath };
        if (sampling.IncludeNeutral == false)
            args.Add("--no-include-neutral");
        Add(args, "--limit", sampling.Limit);
        Add(args, "--sample", sampling.Sample);
        Add(args, "--seed", sampling.Seed);
        return [.. args];
    }

    /// <summary><c>run</c> of a new run, or <c>run --resume</c> once the run folder exists.</summary>
    public string[] RunArguments(string gridPath, bool resume, bool retryErrors, bool plan, string? modelsPath = null)
    {
        var args = new List<string> { "run" };
        if (resume)
        {
            args.AddRange(["--resume", RunDirectory]);
            if (retryErrors)
                args.Add("--retry-errors");
        }
        else
        {
            args.AddRange(["--models", modelsPath ?? Assistants ?? Study.File.Roster!, "--grid", gridPath, "--samples", InvariantNumber.Count(Study.File.Samples ?? 1), "--out", RunDirectory]);
            Add(args, "--temperature", Study.File.Temperature);
            Add(args, "--max-tokens", Study.File.MaxTokens);
        }

        args.AddRange(CacheArguments());
        if (plan)
            args.Add("--plan");
        return [.. args];
    }

    public string[] ScoreArguments(bool plan)
    {
        var file = Study.File;
        var args = new List<string> { "score", "--input", Records };
        foreach (var judge in file.Judges)
            args.AddRange(["-s", judge.Trim()]);
        Add(args, "--models", file.JudgeRoster);
        Add(args, "--concurrency", file.JudgeConcurrency);
        Add(args, "--judge-repeats", file.JudgeRepeats);
        Add(args, "--rubric", file.Rubric);
        if (file.Blind == true)
            args.Add("--blind");
        Add(args, "--max-parse-failures", Study.Thresholds.MaxParseFailures);
        args.AddRange(CacheArguments());
        // The report writes the summary into the report folder.
        args.Add("--no-aggregate");
        if (plan)
            args.Add("--plan");
        return [.. args];
    }

    public string[] ReportArguments()
    {
        var report = Study.Report;
        var args = new List<string> { "report", "--input", Scored, "--out", ReportDirectory };
        Add(args, "--threshold", Study.Thresholds.Stance);
        Add(args, "--seed", report.Seed);
        Add(args, "--holm-family", report.HolmFamily);
        Add(args, "--missing", report.Missing);
        Add(args, "--target", report.Target);
        return [.. args];
    }

    private string[] CacheArguments() => Study.File.Cache switch
    {
        StudyFile.NoCache => ["--no-cache"],
        StudyFile.OwnCache => ["--cache", OwnCache],
        _ => [],
    };

    private static void Add(List<string> args, string option, string? value)
    {
        if (value is not null)
            args.AddRange([option, value]);
    }

    private static void Add(List<string> args, string option, long? value)
    {
        if (value is { } v)
            args.AddRange([option, InvariantNumber.Count(v)]);
    }

    private static void Add(List<string> args, string option, double? value)
    {
        if (value is { } v)
            args.AddRange([option, v.ToString("R", CultureInfo.InvariantCulture)]);
    }
}
