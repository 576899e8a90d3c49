using ScottPlot;

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

    /// <summary>Pro-negative side (tenant), neutral, pro-positive side (landlord); colour-blind safe (Okabe–Ito).</summary>
    public static readonly Color NegativeColor = Color.FromHex("#0072B2");
    public static readonly Color NeutralColor = Color.FromHex("#BBBBBB");
    public static readonly Color PositiveColor = Color.FromHex("#D55E00");
    public static readonly Color InkColor = Color.FromHex("#222222");

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

    /// <summary>The colour of each role: positive side, negative side, neutral.</summary>
    public static Color RoleColor(int role) => role switch
    {
        0 => PositiveColor,
        1 => NegativeColor,
        _ => Color.FromHex("#009E73"),
    };

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
