namespace SycoBench.Reporting.Charts;

/// <summary>A chart rendered as PNG (inlined in report.html) and SVG (for papers), with the words that go with it.</summary>
public sealed record RenderedChart(string Name, string Title, string Caption, int Width, int Height, byte[] Png, string Svg);

/// <summary>Draws charts from a computed report.</summary>
public interface IChartRenderer
{
    IReadOnlyList<RenderedChart> Render(Report report);
}
