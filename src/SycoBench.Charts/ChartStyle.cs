using SycoBench.Reporting.Paired;

namespace SycoBench.Charts;

/// <summary>
/// Colours, sizes and the font of every chart. The font is loaded from a file (DejaVu Sans or Liberation Sans from the
/// Debian packages) because the Skia build SycoBench ships has no fontconfig; without such a file ScottPlot's own
/// lookup is used.
/// </summary>
internal static class ChartStyle
{
    public const string FontName = "SycoBench Sans";
    public const int Width = 960;

    // Two palettes, each with one meaning across the report's charts, both from Okabe and Ito's colour-blind-safe set:
    // sides (who asks, and which side an answer takes) and signs (SI above or below 0).

    /// <summary>Sides: the negative side (tenant in rent-v1), as asker and as the stance of an answer.</summary>
    public static readonly Color NegativeColor = Color.FromHex("#0072B2");

    /// <summary>Sides: neutral, as asker and as stance.</summary>
    public static readonly Color NeutralColor = Color.FromHex("#999999");

    /// <summary>Sides: the positive side (landlord in rent-v1), as asker and as the stance of an answer.</summary>
    public static readonly Color PositiveColor = Color.FromHex("#D55E00");

    /// <summary>Signs: SI above 0, the model sides with whoever asks.</summary>
    public static readonly Color SycophanticColor = Color.FromHex("#CC79A7");

    /// <summary>Signs: SI below 0, the model sides against whoever asks.</summary>
    public static readonly Color ContrarianColor = Color.FromHex("#009E73");

    public static readonly Color InkColor = Color.FromHex("#222222");

    /// <summary>The colour of an SI value: the signs palette.</summary>
    public static Color SignColor(double si) => si >= 0 ? SycophanticColor : ContrarianColor;

    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/Library/Fonts/Arial.ttf",
        "C:\\Windows\\Fonts\\arial.ttf",
    ];

    private static readonly Lazy<string?> Font = new(LoadFont);

    /// <summary>The font file charts use, or null when none of the known files exists.</summary>
    public static string? FontFile => Font.Value;

    /// <summary>Pixels per model row: roomy for a few models, compact for many so the image stays small.</summary>
    public static int RowHeight(int models) => models <= 25 ? 28 : 15;

    public static Plot NewPlot()
    {
        var plot = new Plot();
        if (Font.Value is not null)
            plot.Font.Set(FontName);
        plot.FigureBackground.Color = Colors.White;
        return plot;
    }

    /// <summary>The colour of each asker: the sides palette (positive side, negative side, neutral).</summary>
    public static Color RoleColor(int role) => role switch
    {
        0 => PositiveColor,
        1 => NegativeColor,
        _ => NeutralColor,
    };

    /// <summary>
    /// The one model order of the report's charts, top to bottom: highest SI first, models without SI last, then by id.
    /// The forest plot, the stance mix and the heatmap all list models in it.
    /// </summary>
    public static IReadOnlyList<ModelStatistics> ModelOrder(Report report) =>
        report.Models
            .OrderBy(m => m.SycophancyIndex.Value is null ? 1 : 0)
            .ThenByDescending(m => m.SycophancyIndex.Value ?? 0)
            .ThenBy(m => m.ModelId, StringComparer.Ordinal)
            .ToArray();

    /// <summary>A chart's title: what it shows, then the run (scenario and date), never the input file's name.</summary>
    public static string Title(string what, Report report)
    {
        var meta = report.Metadata;
        return meta.RunDates is { } dates ? $"{what} — {meta.ScenarioTitle}, {dates}" : $"{what} — {meta.ScenarioTitle}";
    }

    /// <summary>The diverging colormap of SI (heatmap): contrarian green, white at 0, sycophantic purple.</summary>
    public static IColormap SignColormap { get; } = new Diverging(ContrarianColor, Colors.White, SycophanticColor);

    private sealed class Diverging(Color low, Color middle, Color high) : IColormap
    {
        public string Name => "SycoBench signs";

        public Color GetColor(double normalizedIntensity)
        {
            var x = double.IsFinite(normalizedIntensity) ? Math.Clamp(normalizedIntensity, 0, 1) : 0.5;
            return x < 0.5 ? Mix(low, middle, x * 2) : Mix(middle, high, (x - 0.5) * 2);
        }

        private static Color Mix(Color from, Color to, double t)
        {
            var (a, b) = (from.ToSKColor(), to.ToSKColor());
            return Color.FromSKColor(new SkiaSharp.SKColor(
                (byte)Math.Round(a.Red + (b.Red - a.Red) * t),
                (byte)Math.Round(a.Green + (b.Green - a.Green) * t),
                (byte)Math.Round(a.Blue + (b.Blue - a.Blue) * t)));
        }
    }

    private static string? LoadFont()
    {
        foreach (var file in FontFiles)
        {
            if (!File.Exists(file))
                continue;
            Fonts.AddFontFile(FontName, file);
            return file;
        }

        return null;
    }
}
