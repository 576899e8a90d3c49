using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace SycoBench.Charts;

/// <summary>The chart files a report writes.</summary>
[Flags]
public enum ChartFormats
{
    None = 0,
    Png = 1,
    Svg = 2,
    Pdf = 4,
}

/// <summary>
/// Which chart files to write and the PNG resolution. A chart's stated size is its screen size at 96 pixels per inch
/// (960 pixels wide: 10 inches); the PNG file is drawn at <see cref="Dpi"/> at that size, and says so in its pHYs chunk.
/// </summary>
public sealed record ChartOutput(ChartFormats Formats, int Dpi)
{
    public const int ScreenDpi = 96;
    public const int DefaultDpi = 300;
    public const int MinDpi = 72;
    public const int MaxDpi = 1200;

    public static ChartOutput Default { get; } = new(ChartFormats.Png | ChartFormats.Svg, DefaultDpi);
}

/// <summary>Renders a finished plot: a screen PNG for the page, and the files asked for (print PNG, SVG, PDF).</summary>
internal static partial class ChartRenderer
{
    public static RenderedChart Finish(Plot plot, string name, string title, string caption, int width, int height, ChartOutput output)
    {
        using (plot)
        {
            var screen = plot.GetImageBytes(width, height, ImageFormat.Png);
            var files = new List<ChartFile>();
            if (output.Formats.HasFlag(ChartFormats.Png))
                files.Add(new ChartFile("png", PrintPng(plot, width, height, output.Dpi)));
            if (output.Formats.HasFlag(ChartFormats.Svg))
                files.Add(new ChartFile("svg", Encoding.UTF8.GetBytes(StableIds(plot.GetSvgXml(width, height)))));
            if (output.Formats.HasFlag(ChartFormats.Pdf))
                files.Add(new ChartFile("pdf", Pdf(plot, title, width, height, output.Dpi)));
            return new RenderedChart(name, title, caption, width, height, screen, files);
        }
    }

    /// <summary>PNG only, for charts that are only shown inline (no SVG is drawn, and Skia's SVG canvas stays quiet).</summary>
    public static RenderedChart FinishPng(Plot plot, string name, string title, string caption, int width, int height)
    {
        using (plot)
            return new RenderedChart(name, title, caption, width, height, plot.GetImageBytes(width, height, ImageFormat.Png), []);
    }

    /// <summary>The plot drawn <c>dpi / 96</c> times larger, every line and letter scaled with it, marked as <paramref name="dpi"/>.</summary>
    private static byte[] PrintPng(Plot plot, int width, int height, int dpi)
    {
        var scale = dpi / (double)ChartOutput.ScreenDpi;
        plot.ScaleFactor = (float)scale;
        try
        {
            var png = plot.GetImageBytes((int)Math.Round(width * scale), (int)Math.Round(height * scale), ImageFormat.Png);
            return PngDensity.Set(png, dpi);
        }
        finally
        {
            plot.ScaleFactor = 1;
        }
    }

    /// <summary>One vector page of the stated size (width / 96 inches), through Skia's PDF back end.</summary>
    private static byte[] Pdf(Plot plot, string title, int width, int height, int dpi)
    {
        const float PointsPerPixel = 72f / ChartOutput.ScreenDpi;
        using var stream = new MemoryStream();
        using (var skStream = new SKManagedWStream(stream))
        using (var document = SKDocument.CreatePdf(skStream, new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "SycoBench",
            Producer = "SycoBench",
            RasterDpi = dpi,
            EncodingQuality = 101,
        }))
        {
            var canvas = document.BeginPage(width * PointsPerPixel, height * PointsPerPixel);
            canvas.Scale(PointsPerPixel);
            plot.Render(canvas, width, height);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Skia numbers the SVG clip paths from a counter shared by every chart drawn in the process, so the same chart got
    /// other ids depending on what was drawn before it; here they are numbered in order of appearance in each file.
    /// </summary>
    internal static string StableIds(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, match =>
        {
            if (!ids.TryGetValue(match.Value, out var stable))
            {
                stable = "cl_" + ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ids[match.Value] = stable;
            }

            return stable;
        });
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial Regex ClipId();
}

/// <summary>The report's four charts: SI forest plot, stance mix, score distributions, SI by factor.</summary>
public sealed class ReportChartRenderer(ChartOutput output) : IChartRenderer
{
    public ReportChartRenderer()
        : this(ChartOutput.Default)
    {
    }

    public ChartOutput Output { get; } = output ?? throw new ArgumentNullException(nameof(output));

    /// <summary>Whether a font for chart text was found (Skia is built without fontconfig; see ChartStyle).</summary>
    public bool FontAvailable => ChartStyle.FontFile is not null;

    public IReadOnlyList<RenderedChart> Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Func<Report, ChartOutput, RenderedChart?>[] renderers =
        [
            ForestPlotChart.Render, StanceMixChart.Render, ScoreDistributionChart.Render, FactorHeatmapChart.Render,
        ];

        // Each chart is its own plot: they render on all cores at once, and keep their order.
        _ = ChartStyle.FontFile;
        var charts = new RenderedChart?[renderers.Length];
        Parallel.For(0, renderers.Length, i => charts[i] = renderers[i](report, Output));
        return charts.OfType<RenderedChart>().ToArray();
    }
}
