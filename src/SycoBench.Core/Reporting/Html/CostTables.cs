using SycoBench.Html;
using SycoBench.Reporting.Spending;

namespace SycoBench.Reporting.Html;

/// <summary>report.html's cost section: where the money went, per model (the answers) and per judge.</summary>
internal static class CostTables
{
    public static void Write(HtmlWriter html, Report report)
    {
        var spending = report.Spending;
        html.Element("h3", "Answers, per model");
        html.Table(SpendingText.Header("model", "answers"), spending.Models.Append(spending.ModelsTotal).Select(l => SpendingText.Row(l)));
        html.Element("h3", "Judging, per judge");
        if (spending.Judges.Count == 0)
            html.Element("p", "No record reached a judge.");
        else
            html.Table(SpendingText.Header("judge", "answers judged"), spending.Judges.Append(spending.JudgesTotal).Select(l => SpendingText.Row(l)));
        html.Element("p", "Each answer counts once, however many judges scored it. Requests are the calls sent (a cached item sends "
            + "none; a failed call is not billed). Cost sums the billed calls: \"≥ x (n of unknown cost)\" when some have no "
            + "price and no provider-reported cost, \"unknown\" when none has. Cost per scored answer divides by the answers "
            + "with a score. Cached: share served from the response cache; batch: share of the billed ones asked through a "
            + "Batch API. Cost source: where each billed cost came from (provider, roster, table, …). "
            + SpendingText.Prices(spending) + ".", "small");
        if (spending.Notes.Count > 0)
            html.List(spending.Notes, "notes");
    }
}
