namespace SycoBench.Reporting.Charts;

/// <summary>
/// A chart with the words that go with it: <see cref="Png"/> at screen size (<see cref="Width"/> × <see cref="Height"/>
/// pixels, inlined in the HTML page) and the <see cref="Files"/> written beside the report (print-resolution PNG, SVG,
/// PDF, as asked; none for charts that are only shown inline).
/// </summary>
public sealed record RenderedChart(string Name, string Title, string Caption, int Width, int Height, byte[] Png, IReadOnlyList<ChartFile> Files);

/// <summary>One file of a chart: its extension (<c>png</c>, <c>svg</c>, <c>pdf</c>) and its bytes.</summary>
public sealed record ChartFile(string Extension, byte[] Content);

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
