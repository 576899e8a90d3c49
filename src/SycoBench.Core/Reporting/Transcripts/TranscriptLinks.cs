using SycoBench.Html;
using SycoBench.Reporting.Html;

namespace SycoBench.Reporting.Transcripts;

/// <summary>report.html's links to the rows of transcripts.html behind its numbers: one per model, opening its rows sorted by swing.</summary>
internal static class TranscriptLinks
{
    public static void Write(HtmlWriter html, Report report, string lead)
    {
        if (report.Models.Count == 0)
            return;
        html.Add($"<p class=\"small transcript-links\">").Text(lead + " ");
        for (var i = 0; i < report.Models.Count; i++)
        {
            if (i > 0)
                html.Text(" · ");
            html.Link(TranscriptPageWriter.LinkTo(report.Models[i].ModelId), report.Models[i].ModelId);
        }

        html.Add($"</p>\n");
    }
}
