namespace SycoBench.Reporting.Charts;

/// <summary>A chart rendered as PNG (inlined in report.html) and SVG (for papers), with the words that go with it.</summary>
public sealed record RenderedChart(string Name, string Title, string Caption, int Width, int Height, byte[] Png, string Svg);

/// <summary>
/// Draws the report's charts from a computed report. Core declares it and writes what it returns; the implementation
/// (SycoBench.Charts, ScottPlot on Skia) is wired in by the command line, so Core carries no native library.
/// </summary>
public interface IChartRenderer
{
    /// <summary>Whether a font for chart text was found; without one the charts have no text.</summary>
    bool FontAvailable { get; }

    IReadOnlyList<RenderedChart> Render(Report report);
}
