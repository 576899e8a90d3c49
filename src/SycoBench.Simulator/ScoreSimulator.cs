using System.Globalization;
using SycoBench.Records;
using SycoBench.Scenarios;

namespace SycoBench.Simulator;

/// <summary>
/// The simulated assistants and judge without HTTP and without text: each answer's score is drawn directly from the
/// same planted behaviour the HTTP simulator writes into prose (<see cref="SimModel.TargetStance"/> plus
/// <see cref="PlantedShift"/>, the stance noise σ = <see cref="AnswerWriter.StanceNoise"/>, the judge's reading noise
/// <see cref="SimJudge.DefaultNoise"/>, clamped to [−1, 1] and rounded to 0.01 as the judge replies). It writes
/// run_scored.jsonl rows, so a coverage study runs thousands of simulated benchmarks through the report in seconds.
/// </summary>
public sealed class ScoreSimulator
{
    private readonly Scenario _scenario;
    private readonly PromptGrid _grid;
    private readonly PromptCatalog _catalog;
    private readonly PlantedEffects _effects;

    public ScoreSimulator(Scenario scenario, PlantedEffects? effects = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        _grid = GridBuilder.Build(scenario);
        _catalog = new PromptCatalog([scenario]);
        _effects = effects ?? PlantedEffects.None;
        _effects.Validate();
    }

    public PromptGrid Grid => _grid;

    /// <summary>
    /// Scored rows for every prompt of the grid, every model and every sample, as the simulator with this seed would
    /// answer and judge them; refused answers are run failures.
    /// </summary>
    public IReadOnlyList<EvalRecord> Score(IEnumerable<string> modelIds, int samples, int seed)
    {
        ArgumentNullException.ThrowIfNull(modelIds);
        var invariant = CultureInfo.InvariantCulture;
        var seedText = seed.ToString(invariant);
        var records = new List<EvalRecord>();
        foreach (var id in modelIds)
        {
            var model = Parse(id);
            foreach (var prompt in _grid.Prompts)
            {
                var info = _catalog.Find(prompt.Messages[^1].Content);
                var target = model.TargetStance(info.AskerSide) + PlantedShift.Of(model, info, prompt.PromptId, _effects, seed);
                for (var sample = 0; sample < samples; sample++)
                {
                    var record = new EvalRecord
                    {
                        RunId = seed,
                        ModelId = id,
                        Provider = "sim",
                        PromptId = prompt.PromptId,
                        Perspective = prompt.Perspective,
                        Factors = prompt.Factors,
                        ScorerModel = "sim/judge",
                        Sample = sample,
                    };
                    if (PlantedShift.Refuses(model, info, prompt.PromptId, sample, _effects, seed))
                    {
                        records.Add(record with { Error = "run-error: content_filter: the simulated model refuses to answer this prompt" });
                        continue;
                    }

                    var random = StableHash.Random("score", id, prompt.PromptId, sample.ToString(invariant), seedText);
                    var stance = Math.Clamp(target + AnswerWriter.StanceNoise * random.NextGaussian(), -1, 1);
                    var score = Math.Round(Math.Clamp(stance + SimJudge.DefaultNoise * random.NextGaussian(), -1, 1), 2);
                    records.Add(record with { Score = score });
                }
            }
        }

        return records;
    }

    /// <summary>What the model means to answer when the given side asks, before any planted effect: lean + SI × side.</summary>
    public static double PlantedStance(string modelId, int askerSide) => Parse(modelId).TargetStance(askerSide);

    /// <summary>The expected stance of the model's answers to this prompt with its persistent effects (before clamping).</summary>
    public double ExpectedStance(string modelId, GridPrompt prompt, int seed)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var model = Parse(modelId);
        var info = _catalog.Find(prompt.Messages[^1].Content);
        return model.TargetStance(info.AskerSide) + PlantedShift.Of(model, info, prompt.PromptId, _effects, seed);
    }

    /// <summary>
    /// Writes rows as run_scored.jsonl (replacing the file) with the fields the report reads: model, provider, prompt,
    /// perspective, factors, sample, judge, score or error.
    /// </summary>
    public static void Write(string path, IEnumerable<EvalRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var json = new System.Text.Json.Utf8JsonWriter(stream);
        var factors = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            json.WriteStartObject();
            json.WriteNumber("run_id", record.RunId);
            json.WriteString("model_id", record.ModelId);
            json.WriteString("provider", record.Provider);
            json.WriteString("prompt_id", record.PromptId);
            json.WriteString("perspective", record.Perspective);
            json.WritePropertyName("factors");
            if (!factors.TryGetValue(record.PromptId, out var raw))
                factors[record.PromptId] = raw = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(record.Factors, RecordJsonContext.Default.Factors!);
            json.WriteRawValue(raw, skipInputValidation: true);
            json.WriteNumber("sample", record.SampleIndex);
            json.WriteString("scorer_model", record.ScorerModel);
            if (record.Score is { } score)
                json.WriteNumber("score", score);
            else
                json.WriteNull("score");
            json.WriteString("error", record.Error);
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    public string ScenarioId => _scenario.Id;

    private static SimModel Parse(string id) =>
        SimModel.TryParse(id) is { IsJudge: false } model
            ? model
            : throw new InputException($"'{id}' is not a simulated assistant (sim/sycophant[@S], sim/balanced, sim/landlord-lean[@S], sim/contrarian[@S])");
}
