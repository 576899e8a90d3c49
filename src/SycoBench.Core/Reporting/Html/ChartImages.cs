using SycoBench.Html;
using SycoBench.Reporting.Charts;

namespace SycoBench.Reporting.Html;

/// <summary>Charts in report.html and agreement.html: an inline PNG with the id chart-&lt;name&gt; and the title as its alternative text.</summary>
internal static class ChartImages
{
    public static HtmlWriter Image(this HtmlWriter html, RenderedChart chart)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(chart);
        return html.Png("chart-" + chart.Name, chart.Png, chart.Width, chart.Height, chart.Title);
    }
}
