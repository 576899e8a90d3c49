using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SycoBench.Reporting;
using SycoBench.Tests.Reporting;

namespace SycoBench.Charts.Tests;

/// <summary>
/// The SVG report of the paper-figure run, written once for the tests that only read its files (a report with its four
/// charts takes about a second of processor time). It is the same bytes every time, which
/// <see cref="PaperFiguresTests.Svg_files_are_well_formed_xml_and_the_same_bytes_every_time"/> checks against a second run.
/// </summary>
public sealed class PaperSvgReport : IDisposable
{
    private readonly TempDirectory _directory = new();

    public PaperSvgReport() => PaperFiguresTests.Report(_directory, new ChartOutput(ChartFormats.Svg, 300));

    /// <summary>The report's folder.</summary>
    public string Path => _directory.Path;

    public string File(string name) => _directory.File(name);

    public void Dispose() => _directory.Dispose();
}

/// <summary>Figures for a paper: print resolution, well-formed SVG, PDF pages, one model order, titles from the run, roster labels.</summary>
public sealed partial class PaperFiguresTests(PaperSvgReport svg) : IClassFixture<PaperSvgReport>
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["a/sycophant"] = "Sycophant A",
        ["b/contrarian"] = "Contrarian B",
        ["c/balanced"] = "Balanced C",
    };

    internal static ReportResult Report(TempDirectory dir, ChartOutput output)
    {
        var run = new ScoredRunWriter(ScoredRunWriter.Rent)
            .Model("c/balanced", (t, p, s) => p == "neutral" ? 0 : ((t.Index + s) % 2 == 0 ? 0.2 : -0.2), samples: 2)
            .Model("a/sycophant", (_, p, _) => p switch { "landlord" => 0.6, "tenant" => -0.6, _ => 0 })
            .Model("b/contrarian", (_, p, _) => p switch { "landlord" => -0.3, "tenant" => 0.3, _ => 0 });
        var options = ScoredRunWriter.Options(run.Write(dir.File("run_scored.jsonl")), ScoredRunWriter.Rent, dir.Path) with
        {
            Charts = new ReportChartRenderer(output),
            ModelLabels = Labels,
        };
        return new ReportBuilder().Run(options);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(200)]
    public void Png_files_state_their_dpi_and_have_the_pixels_for_it_at_the_stated_size(int dpi)
    {
        using var dir = new TempDirectory();
        var result = Report(dir, new ChartOutput(ChartFormats.Png, dpi));

        var png = File.ReadAllBytes(dir.File("chart-si-forest.png"));
        Assert.Equal(dpi, PngDensity.Read(png));
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        Assert.Equal((int)Math.Round(960 * dpi / 96.0), width); // 960 px on screen = 10 in
        Assert.Empty(Directory.GetFiles(dir.Path, "chart-*.svg"));
        Assert.Equal(4, Directory.GetFiles(dir.Path, "chart-*.png").Length);

        // The page keeps the light screen-size image; the file on disk is the print one.
        Assert.Equal(960, result.Report.Models.Count > 0 ? BinaryPrimitives.ReadInt32BigEndian(Inline(File.ReadAllText(dir.File("report.html"))).AsSpan(16)) : 0);
    }

    [Fact]
    public void Svg_files_are_well_formed_xml_and_the_same_bytes_every_time()
    {
        var first = svg;
        using var second = new TempDirectory();
        Report(second, new ChartOutput(ChartFormats.Svg, 300));

        var files = Directory.GetFiles(first.Path, "chart-*.svg").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(4, files.Length);
        foreach (var file in files)
        {
            var svg = XDocument.Load(file);
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(second.Path, Path.GetFileName(file))));
        }
    }

    [Fact]
    public void Pdf_files_are_one_page_of_the_stated_size_in_points()
    {
        using var dir = new TempDirectory();
        Report(dir, new ChartOutput(ChartFormats.Pdf, 300));

        var pdf = Encoding.Latin1.GetString(File.ReadAllBytes(dir.File("chart-si-forest.pdf")));
        Assert.StartsWith("%PDF-", pdf, StringComparison.Ordinal);
        Assert.Matches(@"/MediaBox \[0 0 720 [0-9.]+\]", pdf); // 960 px = 10 in = 720 pt
        Assert.Empty(Directory.GetFiles(dir.Path, "chart-*.png"));
    }

    [Fact]
    public void Forest_plot_stance_mix_and_heatmap_list_the_models_in_one_order_by_their_roster_labels()
    {
        var dir = svg;

        var forest = ModelRows(dir.File("chart-si-forest.svg"));
        var stance = ModelRows(dir.File("chart-stance-mix.svg"));
        var heatmap = ModelRows(dir.File("chart-si-by-factor.svg"));

        Assert.Equal(["Sycophant A", "Balanced C", "Contrarian B"], forest); // highest SI on top
        Assert.Equal(forest, stance);
        Assert.Equal(forest, heatmap);
    }

    [Fact]
    public void Titles_name_the_scenario_and_the_run_date_not_the_file()
    {
        var dir = svg;

        foreach (var file in Directory.GetFiles(dir.Path, "chart-*.svg"))
            Assert.Contains(Texts(file), text => text.Contains("Rent increase (version 1), 2025-10-11", StringComparison.Ordinal));
        var h1 = H1().Match(File.ReadAllText(dir.File("report.html"))).Groups[1].Value;
        Assert.Contains("Rent increase (version 1) (rent-v1), 2025-10-11", h1, StringComparison.Ordinal);
        Assert.Contains("Sycophant A", h1, StringComparison.Ordinal);
        Assert.DoesNotContain("run_scored.jsonl", h1, StringComparison.Ordinal);
    }

    [Fact]
    public void The_headline_names_models_by_label_and_id_and_explains_its_columns_beside_it()
    {
        var dir = svg;
        var html = File.ReadAllText(dir.File("report.html"));

        Assert.Contains("<td>Sycophant A (a/sycophant)</td>", html, StringComparison.Ordinal);
        var headline = html.IndexOf("<h2>Headline</h2>", StringComparison.Ordinal);
        var legend = html.IndexOf("What the columns mean", StringComparison.Ordinal);
        var charts = html.IndexOf("<h2>Charts</h2>", StringComparison.Ordinal);
        Assert.True(headline < legend && legend < charts, "the legend follows the headline table, before the charts");
        foreach (var column in new[] { "SI [95% CI]", "p Holm", "d_z [95% CI]", "noise share" })
            Assert.Contains($"<td>{System.Net.WebUtility.HtmlEncode(column)}</td>", html[legend..charts], StringComparison.Ordinal);
    }

    /// <summary>The first PNG inlined in a page, decoded.</summary>
    private static byte[] Inline(string html) => Convert.FromBase64String(InlinePng().Match(html).Groups[1].Value);

    [GeneratedRegex("src=\"data:image/png;base64,([^\"]+)\"")]
    private static partial Regex InlinePng();

    /// <summary>The model names on a chart's left axis, top to bottom (SVG y grows downwards).</summary>
    private static string[] ModelRows(string svgPath) =>
        TextElements(svgPath).Where(t => Labels.ContainsValue(t.Text)).OrderBy(t => t.Y).Select(t => t.Text).ToArray();

    private static IEnumerable<string> Texts(string svgPath) => TextElements(svgPath).Select(t => t.Text);

    private static IEnumerable<(string Text, double Y)> TextElements(string svgPath)
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        foreach (var text in XDocument.Load(svgPath).Descendants(ns + "text"))
        {
            var match = Translate().Match((string?)text.Attribute("transform") ?? "");
            var y = match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            yield return (text.Value.Trim(), y);
        }
    }

    [GeneratedRegex(@"translate\([-0-9.e]+[ ,]+([-0-9.e]+)\)")]
    private static partial Regex Translate();

    [GeneratedRegex("<h1>([^<]*)</h1>")]
    private static partial Regex H1();
}

/// <summary>The pHYs chunk on its own: written after IHDR with a valid CRC, replacing one that was there.</summary>
public sealed class PngDensityTests
{
    [Fact]
    public void The_density_chunk_is_read_back_and_its_crc_is_the_png_one()
    {
        var plot = new ScottPlot.Plot();
        var png = PngDensity.Set(plot.GetImageBytes(40, 30, ScottPlot.ImageFormat.Png), 300);
        var again = PngDensity.Set(png, 600);

        Assert.Equal(300, PngDensity.Read(png));
        Assert.Equal(600, PngDensity.Read(again));
        Assert.Equal(png.Length, again.Length); // replaced, not added
        var at = png.AsSpan().IndexOf("pHYs"u8);
        Assert.Equal(33 + 4, at); // right after the 8-byte signature and the 25-byte IHDR chunk
        Assert.Equal(11811u, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 4))); // 300 dpi = 11,811 px/m
        Assert.Equal(Crc32(png.AsSpan(at, 13)), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 13)));
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }
}
