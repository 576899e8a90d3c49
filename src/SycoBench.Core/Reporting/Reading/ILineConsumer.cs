namespace SycoBench.Reporting.Reading;

/// <summary>Receives the lines of the chunks one worker thread reads; one consumer per worker, never shared.</summary>
internal interface ILineConsumer
{
    /// <summary>A non-blank line (without its newline) and its 1-based number within its chunk.</summary>
    void OnLine(ReadOnlySpan<byte> line, int chunk, long lineInChunk);
}
