using Microsoft.ML;

namespace SycoBench.Scoring.Offline;

/// <summary>
/// Featurised training rows held in memory (an ML.NET cache) but shown to the trainer as the stream they came from:
/// rows in their original order, no random access, the stream's row count. SDCA reads its data once per pass and once
/// more per convergence check; without a cache every read re-runs the text featurizer (character trigrams of answers
/// of 3,500 characters on average), which made most of a training's time. A plain cache would let SDCA shuffle rows
/// its own way and change the model; hiding the cache's shuffling keeps SDCA's pool shuffle of the stream, so the
/// model, its predictions and its figures stay the same bit for bit (checked against the uncached pipeline in
/// OfflineScorerTests).
/// </summary>
internal sealed class InOrderDataView(IDataView cached, long? rowCount) : IDataView
{
    public bool CanShuffle => false;

    public DataViewSchema Schema => cached.Schema;

    public long? GetRowCount() => rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        cached.GetRowCursor(columnsNeeded, rand: null);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [cached.GetRowCursor(columnsNeeded, rand: null)];
}
