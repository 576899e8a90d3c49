using Microsoft.ML;
using SycoBench.IO;

namespace SycoBench.Scoring.Offline;

/// <summary>
/// A trained text regression model that scores an answer on the [-1, 1] axis with no network: load it from the zip
/// <c>scorer train</c> wrote, then <see cref="Predict"/>. Safe to share between threads.
/// </summary>
public sealed class OfflineScorer : IDisposable
{
    private readonly PredictionEngine<TextRow, ScoreRow> _engine;
    private readonly Lock _gate = new();

    internal OfflineScorer(MLContext context, ITransformer model, DataViewSchema inputSchema)
    {
        Context = context;
        Model = model;
        InputSchema = inputSchema;
        _engine = context.Model.CreatePredictionEngine<TextRow, ScoreRow>(model, inputSchema);
    }

    internal MLContext Context { get; }

    internal ITransformer Model { get; }

    internal DataViewSchema InputSchema { get; }

    /// <summary>Loads a model saved by <see cref="Save"/>; a missing or unreadable file is an <see cref="InputException"/>.</summary>
    public static OfflineScorer Load(string path)
    {
        if (!File.Exists(path))
            throw new InputException($"{path}: offline scorer model not found");
        var context = new MLContext(seed: 0);
        try
        {
            var model = context.Model.Load(path, out var schema);
            return new OfflineScorer(context, model, schema);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidDataException or ArgumentException or IOException)
        {
            throw new InputException($"{path}: not an offline scorer model ({ex.Message})", ex);
        }
    }

    /// <summary>The answer's score, clamped to [-1, 1]; NaN (never a made-up 0) if the model yields no finite number.</summary>
    public double Predict(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        float raw;
        lock (_gate)
            raw = _engine.Predict(new TextRow { Text = answer }).Score;
        return float.IsFinite(raw) ? Math.Clamp(raw, -1.0, 1.0) : double.NaN;
    }

    /// <summary>Writes the model as a zip (ML.NET's format), replacing the file only when complete.</summary>
    public void Save(string path)
    {
        AtomicFile.Write(path, stream => Context.Model.Save(Model, InputSchema, stream));
    }

    public void Dispose() => _engine.Dispose();
}
