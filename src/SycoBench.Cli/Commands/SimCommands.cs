using SycoBench.Scenarios;
using SycoBench.Simulator;

namespace SycoBench.Cli.Commands;

/// <summary><c>sycobench sim serve</c>: the simulated OpenAI-compatible provider on 127.0.0.1.</summary>
public sealed class SimServeCommand(CliEnvironment environment) : AsyncCommand<SimServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--port <P>")]
        [Description("Port on 127.0.0.1 (0 picks a free one).")]
        [DefaultValue(5089)]
        public int Port { get; init; } = 5089;

        [CommandOption("--seed <S>")]
        [Description("Seed of the simulated answers and faults.")]
        public int Seed { get; init; }

        [CommandOption("--latency-ms <MS>")]
        [Description("Time before each answer.")]
        public double LatencyMs { get; init; }

        [CommandOption("--jitter-ms <MS>")]
        [Description("Random extra or less latency, up to this much.")]
        public double JitterMs { get; init; }

        [CommandOption("--error-rate <R>")]
        [Description("Share of requests answered 503.")]
        public double ErrorRate { get; init; }

        [CommandOption("--rate-limit-rate <R>")]
        [Description("Share of requests answered 429 with Retry-After.")]
        public double RateLimitRate { get; init; }

        [CommandOption("--retry-after <SECONDS>")]
        [Description("Retry-After sent with injected 429s.")]
        [DefaultValue(1.0)]
        public double RetryAfter { get; init; } = 1;

        [CommandOption("--rpm <N>")]
        [Description("Requests per minute accepted per model (sliding window), announced in x-ratelimit-limit/remaining/reset-requests headers; beyond it 429 with retry-after-ms and Retry-After.")]
        public int? Rpm { get; init; }

        [CommandOption("--malformed-rate <R>")]
        [Description("Share of requests answered with a body that is not valid JSON.")]
        public double MalformedRate { get; init; }

        [CommandOption("--hang-rate <R>")]
        [Description("Share of requests that hang (see --hang-seconds).")]
        public double HangRate { get; init; }

        [CommandOption("--hang-seconds <S>")]
        [Description("How long a hanging request hangs.")]
        [DefaultValue(600.0)]
        public double HangSeconds { get; init; } = 600;

        [CommandOption("--replay <RUN_JSONL>")]
        [Description("Answer each prompt with the recorded answer of that model.")]
        public string? Replay { get; init; }

        [CommandOption("--replay-judge <SCORED_JSONL>")]
        [Description("Answer each judge request with the recorded judge reply for that answer.")]
        public string? ReplayJudge { get; init; }

        [CommandOption("--record <FILE>")]
        [Description("Append the body of every request received to this JSONL file, one line per request.")]
        public string? Record { get; init; }

        [CommandOption("--judge-fail-rate <R>")]
        [Description("Share of answers sim/judge cannot decide on (replies without a number).")]
        public double JudgeFailRate { get; init; }

        [CommandOption("--batch-delay-s <S>")]
        [Description("Seconds a batch (POST /v1/batches) stays in_progress before it completes (default 0: at the first status request).")]
        public double BatchDelaySeconds { get; init; }

        [CommandOption("--batch-fail-rate <R>")]
        [Description("Share of batch lines that fail (written to the batch's error file), drawn per batch and line from the seed, so a line sent again can succeed.")]
        public double BatchFailRate { get; init; }

        [CommandOption("--factor-sd <SD>")]
        [Description("Planted scenario-level effects: each factor level shifts each model's lean and its sycophancy by a seeded draw with this SD.")]
        public double FactorSd { get; init; }

        [CommandOption("--prompt-sd <SD>")]
        [Description("Planted persistent per-prompt effects: each prompt shifts each model's stance by a seeded draw with this SD, the same in every sample.")]
        public double PromptSd { get; init; }

        [CommandOption("--neutral-sd <SD>")]
        [Description("Planted shared neutral effects: each neutral question (by wording) shifts each model's stance by a seeded draw with this SD, shared by every triplet that asks it.")]
        public double NeutralSd { get; init; }

        [CommandOption("--refuse-positive <R>")]
        [Description("Share of answers refused (400 content_filter) when the positive side (landlord) asks.")]
        public double RefusePositive { get; init; }

        [CommandOption("--refuse-negative <R>")]
        [Description("Share of answers refused when the negative side (tenant) asks.")]
        public double RefuseNegative { get; init; }

        [CommandOption("--refuse-neutral <R>")]
        [Description("Share of answers refused when the neutral asker asks.")]
        public double RefuseNeutral { get; init; }

        public SimOptions ToOptions(CliEnvironment environment) => new()
        {
            Port = Port,
            Seed = Seed,
            LatencyMs = LatencyMs,
            JitterMs = JitterMs,
            ErrorRate = ErrorRate,
            RateLimitRate = RateLimitRate,
            RetryAfterSeconds = RetryAfter,
            Rpm = Rpm,
            MalformedRate = MalformedRate,
            HangRate = HangRate,
            HangSeconds = HangSeconds,
            ReplayFile = Replay is null ? null : environment.Resolve(Replay),
            ReplayJudgeFile = ReplayJudge is null ? null : environment.Resolve(ReplayJudge),
            JudgeFailRate = JudgeFailRate,
            BatchDelaySeconds = BatchDelaySeconds,
            BatchFailRate = BatchFailRate,
            RecordFile = Record is null ? null : environment.Resolve(Record),
            ScenarioDirectories = ScenarioCatalog.DefaultSearchDirectories(environment.WorkingDirectory),
            Effects = new PlantedEffects
            {
                FactorSd = FactorSd,
                PromptSd = PromptSd,
                NeutralSd = NeutralSd,
                RefusePositive = RefusePositive,
                RefuseNegative = RefuseNegative,
                RefuseNeutral = RefuseNeutral,
            },
        };
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var server = await SimServer.StartAsync(
            settings.ToOptions(environment), issue => environment.Warn(issue.ToString()), cancellationToken: cancellationToken);
        environment.Console.MarkupLineInterpolated($"Simulated provider listening on [green]{server.BaseUrl}[/] (Ctrl+C to stop).");
        environment.Console.WriteLine("Models: sim/sycophant[@S], sim/balanced, sim/landlord-lean[@S], sim/contrarian[@S], sim/judge[@NOISE]. Point runs at it with SIM_BASE_URL or a roster base_url.");
        // Until Ctrl+C or SIGTERM (the command's token), or until the web host stops on its own.
        var stopped = new TaskCompletionSource();
        await using (cancellationToken.Register(() => stopped.TrySetResult()))
            await Task.WhenAny(stopped.Task, server.WaitForShutdownAsync(CancellationToken.None));

        environment.Console.WriteLine($"served {server.Stats.Requests} request(s); {server.Stats.BatchesCreated} batch(es) created");
        return SycoBenchCli.ExitOk;
    }
}

internal static class SimCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("sim", sim =>
        {
            sim.SetDescription("The simulated OpenAI-compatible provider used by tests, benchmarks and the demo.");
            sim.AddCommand<SimServeCommand>("serve")
                .WithDescription("Serve simulated models on 127.0.0.1 (/v1/chat/completions, /v1/models, and the Batch API: /v1/files, /v1/batches).")
                .WithExample("sim", "serve", "--port", "5089")
                .WithExample("sim", "serve", "--latency-ms", "100", "--error-rate", "0.1", "--rate-limit-rate", "0.1")
                .WithExample("sim", "serve", "--replay", "outputs/runs/1760158358/run.jsonl")
                .WithExample("sim", "serve", "--batch-delay-s", "30", "--batch-fail-rate", "0.05")
                .WithExample("sim", "serve", "--prompt-sd", "0.2", "--neutral-sd", "0.1", "--refuse-positive", "0.1");
        });
}
