using Microsoft.ML.Data;

namespace SycoBench.Scoring.Offline;

/// <summary>The model's input: an answer's text and, when training, its label.</summary>
internal sealed class TextRow
{
    public string Text { get; set; } = "";

    public float Label { get; set; }
}

/// <summary>The model's output column.</summary>
internal sealed class ScoreRow
{
    [ColumnName("Score")]
    public float Score { get; set; }
}
