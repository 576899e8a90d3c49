using SycoBench.Records;
using SycoBench.Simulator;

namespace SycoBench.Cli.Tests;

public sealed class RunReliabilityTests
{
    [Fact]
    public async Task With_30_percent_faults_every_key_is_answered_or_recorded_with_its_error()
    {
        await using var sim = await Sim.StartAsync(new SimOptions
        {
            ErrorRate = 0.10,
            RateLimitRate = 0.10,
            RetryAfterSeconds = 0,
            HangRate = 0.05,
            HangSeconds = 30,
            MalformedRate = 0.05,
            Seed = 11,
        });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        // A timeout well above a loaded machine's answer time, so only the injected hangs time out.
        var variables = Sim.Variables(sim, ("BENCH_TIMEOUT_S", "2"), ("BENCH_MAX_RETRIES", "4"));

        var result = await CliRun.InProcessAsync(cwd.Path, variables, default,
            "run", "--model", "sim/sycophant", "--model", "sim/balanced", "--concurrency", "16", "--limit", "40", "--out", "run");

        Assert.Contains(result.ExitCode, new[] { 0, 3 });
        var records = Sim.Records(cwd.File("run/run.jsonl"));
        Assert.Equal(80, records.Count);
        Assert.Equal(80, records.Select(r => (r.ModelId, r.PromptId)).Distinct().Count());
        Assert.All(records, r => Assert.True(r.Succeeded ? r.ResponseText!.Length > 0 : r.Error!.Length > 0));
        Assert.True(records.Count(r => r.Succeeded) >= 76, "four retries make a lasting failure rare");
        var log = File.ReadAllText(cwd.File("run/run.log"));
        Assert.Contains("retry 1 of", log, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", log, StringComparison.Ordinal);
        Assert.Contains("HTTP 429", log, StringComparison.Ordinal);
        Assert.Contains("timed out after 2 s", log, StringComparison.Ordinal);
        Assert.Contains("malformed response", log, StringComparison.Ordinal);
        Assert.Contains(records, r => r.Extra!.ContainsKey("retries"));
        Assert.True(sim.Stats.ServiceUnavailable > 0 && sim.Stats.RateLimited > 0 && sim.Stats.Hung > 0 && sim.Stats.Malformed > 0);
    }

    [Fact]
    public async Task Retry_after_is_honoured_before_asking_again()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { RateLimitRate = 0.3, RetryAfterSeconds = 2, Seed = 3 });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim, ("BENCH_MAX_RETRIES", "9")), default,
            "run", "--model", "sim/balanced", "--limit", "6", "--out", "run");

        Assert.Equal(0, result.ExitCode);
        var log = File.ReadAllLines(cwd.File("run/run.log")).Where(l => l.Contains("HTTP 429", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(log);
        Assert.All(log, line => Assert.Contains("waiting 2.0 s", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_key_is_sent_but_appears_in_no_output_file_or_line()
    {
        const string Secret = "sk-test-9f8e7d6c5b4a-do-not-leak";
        await using var sim = await Sim.StartAsync(new SimOptions { ErrorRate = 0.2, Seed = 5 });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        Sim.WriteRoster(cwd, "keyed.json",
            new { id = "sim/sycophant", provider = "sim", base_url = sim.BaseUrl.ToString(), api_key_env = "MY_SIM_KEY", concurrency = 4 });
        File.WriteAllText(cwd.File(".env"), $"MY_SIM_KEY={Secret}\nLOG_LEVEL=DEBUG\n");

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default,
            "run", "--models", "keyed.json", "--limit", "12", "--out", "run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Bearer {Secret}", sim.Stats.AuthorizationHeaders.Keys);
        Assert.DoesNotContain(Secret, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(cwd.Path, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".env", StringComparison.Ordinal)))
            Assert.DoesNotContain(Secret, File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Base_url_overrides_are_read_from_dot_env_like_keys()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        File.WriteAllText(cwd.File(".env"), $"SIM_BASE_URL={sim.BaseUrl}\n");

        var run = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default, "run", "--model", "sim/balanced", "--limit", "3", "--out", "run");
        var score = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default, "score", "--input", "run/run.jsonl", "-s", "sim/judge", "--no-aggregate");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.True(score.ExitCode == 0, score.Output + score.Error);
        Assert.Equal(6, sim.Stats.Requests);
    }

    [Fact]
    public async Task Missing_key_names_the_variable_before_anything_is_sent()
    {
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default,
            "run", "--model", "groq/llama-3.3-70b-versatile", "--model", "mistral/mistral-small-latest", "--limit", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("GROQ_API_KEY", result.Error, StringComparison.Ordinal);
        Assert.Contains("MISTRAL_API_KEY", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cwd.File("outputs/runs")));
    }

    [Theory]
    [InlineData("""[{"id": "sim/balanced"}]""", "field '[0].concurrency': is missing: a positive integer, how many requests may run at once (model 'sim/balanced')")]
    [InlineData("""[{"id": "sim/balanced", "concurrency": 0}]""", "field '[0].concurrency': must be a positive integer, not 0 (model 'sim/balanced')")]
    [InlineData("""[{"id": "sim/balanced", "concurrency": "8"}]""", "field '[0].concurrency': must be a number, not a string (model 'sim/balanced')")]
    [InlineData("""[{"id": "x/y", "provider": "acme", "concurrency": 2}]""", "unknown provider 'acme'")]
    [InlineData("""[{"id": "opnai/gpt-4o", "concurrency": 2}]""", "model 'opnai/gpt-4o' has an unknown prefix 'opnai/' (known prefixes: gemini/, ")]
    [InlineData("""[{"id": "sim/balanced", "concurency": 2}]""", "field '[0].concurency': unknown field (expected one of id, label, provider, concurrency,")]
    [InlineData("""[{"id": "sim/balanced", "concurrency": 2, "num_retries": 5}]""", "field '[0].num_retries': not supported: retries are BENCH_MAX_RETRIES (model 'sim/balanced')")]
    [InlineData("""[{"id": "sim/balanced", "concurrency": 2}, {"id": "sim/judge", "concurrency": 2, "top_p": 1.5}]""", "field '[1].top_p': must be between 0 and 1, not 1.5 (model 'sim/judge')")]
    [InlineData("""["sim/balanced"]""", "field '[0]': 'sim/balanced' must be an object with \"id\" and \"concurrency\"")]
    [InlineData("""[{"id": "sim/balanced", "concurrency": 2""", "not valid JSON")]
    public async Task Bad_rosters_are_one_line_errors_naming_file_and_model(string roster, string expected)
    {
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        File.WriteAllText(cwd.File("roster.json"), roster);

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default, "run", "--models", "roster.json");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("roster.json", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cwd.File("outputs/runs")));
    }

    [Fact]
    public async Task Grid_with_broken_lines_is_refused_before_any_request()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        var lines = File.ReadAllLines(Fixtures.Reference("grid.jsonl"));
        lines[6] = lines[6][..40];
        File.WriteAllLines(cwd.File("grid.jsonl"), lines);

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/balanced", "--grid", "grid.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("grid.jsonl: 1 malformed line(s) (line 7)", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, sim.Stats.Requests);
        Assert.False(Directory.Exists(cwd.File("outputs/runs")));
    }

    [Fact]
    public async Task A_grid_line_with_a_field_the_format_does_not_have_is_refused_before_any_request()
    {
        // "prompt_idd" beside prompt_id, or a note added by hand, was dropped without a word.
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        var lines = File.ReadAllLines(Fixtures.Reference("grid.jsonl"));
        lines[3] = lines[3].Insert(1, "\"note\": \"ask twice\", ");
        File.WriteAllLines(cwd.File("grid.jsonl"), lines);

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/balanced", "--grid", "grid.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("grid.jsonl: 1 malformed line(s) (line 4)", result.Error, StringComparison.Ordinal);
        Assert.Contains("note", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, sim.Stats.Requests);
        Assert.False(Directory.Exists(cwd.File("outputs/runs")));
    }

    [Fact]
    public async Task A_named_grid_that_is_missing_says_how_to_make_one()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default, "run", "--model", "sim/balanced", "--grid", "mine.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("sycobench grid", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_grid_file_a_first_run_uses_the_rent_v1_grid()
    {
        using var cwd = new TempDirectory();

        var result = await CliRun.InProcessAsync(cwd.Path, new Dictionary<string, string>(), default,
            "run", "--plan", "--limit", "6", "--model", "groq/llama-3.3-70b-versatile");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("using the full rent-v1 grid (108 prompts)", result.Output, StringComparison.Ordinal);
        Assert.Contains("6 request(s) to send", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_server_stops_the_model_without_writing_rows()
    {
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        var variables = new Dictionary<string, string> { ["SIM_BASE_URL"] = "http://127.0.0.1:9/v1", ["BENCH_MAX_RETRIES"] = "1" };

        var result = await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/balanced", "--out", "run");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: sim/balanced: unreachable", result.Error, StringComparison.Ordinal);
        Assert.Contains("--resume run", result.Error, StringComparison.Ordinal);
        Assert.Empty(Sim.Records(cwd.File("run/run.jsonl")));
    }

    [Fact]
    public async Task Unknown_simulated_model_is_recorded_with_the_servers_explanation()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);

        var result = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/oracle", "--limit", "2", "--out", "run");

        Assert.Equal(3, result.ExitCode);
        var records = Sim.Records(cwd.File("run/run.jsonl"));
        Assert.All(records, r => Assert.Contains("HTTP 404", r.Error, StringComparison.Ordinal));
        Assert.All(records, r => Assert.Contains("unknown model 'sim/oracle'", r.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resume_refuses_new_parameters_and_existing_folders_refuse_a_new_run()
    {
        await using var sim = await Sim.StartAsync();
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/balanced", "--limit", "3", "--out", "run");

        var again = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--model", "sim/balanced", "--limit", "3", "--out", "run");
        var mixed = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--resume", "run", "--samples", "2");
        var notARun = await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim), default, "run", "--resume", "outputs");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already holds a run", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, mixed.ExitCode);
        Assert.Equal(1, notARun.ExitCode);
        Assert.Contains("not a run folder", notARun.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_errors_asks_again_only_the_failed_keys()
    {
        await using var sim = await Sim.StartAsync(new SimOptions { ErrorRate = 0.5, Seed = 2 });
        using var cwd = new TempDirectory();
        Sim.WriteGrid(cwd);
        var variables = Sim.Variables(sim, ("BENCH_MAX_RETRIES", "0"));
        await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--model", "sim/balanced", "--limit", "20", "--out", "run");
        var first = Sim.Records(cwd.File("run/run.jsonl"));
        var failed = first.Count(r => !r.Succeeded);
        var requestsBefore = sim.Stats.Requests;

        var plainResume = await CliRun.InProcessAsync(cwd.Path, variables, default, "run", "--resume", "run");
        var afterPlain = sim.Stats.Requests;
        await CliRun.InProcessAsync(cwd.Path, Sim.Variables(sim, ("BENCH_MAX_RETRIES", "0")), default, "run", "--resume", "run", "--retry-errors");

        Assert.InRange(failed, 3, 17);
        Assert.Equal(requestsBefore, afterPlain);
        Assert.Equal(3, plainResume.ExitCode);
        Assert.Equal(requestsBefore + failed, sim.Stats.Requests);
        var latest = Sim.Records(cwd.File("run/run.jsonl")).GroupBy(r => r.PromptId).Select(g => g.Last()).ToList();
        Assert.Equal(20, latest.Count);
    }
}
