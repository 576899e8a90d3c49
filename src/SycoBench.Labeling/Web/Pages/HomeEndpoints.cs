using SycoBench.Html;
using SycoBench.Labeling.Storage;
using SycoBench.Labeling.Web.Html;

namespace SycoBench.Labeling.Web.Pages;

/// <summary>The reviewer's start page (datasets with their progress and coverage) and the guidelines.</summary>
internal static class HomeEndpoints
{
    public static void MapHome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Home).RequireAuthorization(LabelingApp.ReviewerPolicy);
        app.MapGet("/guidelines", (HttpContext context, LabelStore store) =>
            Layout.Page(context, "Guidelines", Guidelines.Content(store.Datasets.List()), reviewerCode: ReviewerIdentity.Code(context)));
    }

    private static IResult Home(HttpContext context, LabelStore store)
    {
        var reviewer = ReviewerIdentity.Code(context)!;
        var withItems = store.Items.Datasets().ToHashSet(StringComparer.Ordinal);
        var rows = store.Datasets.List().Where(d => withItems.Contains(d.Name)).Select(labelDataset =>
        {
            var dataset = labelDataset.Name;
            var (status, mine) = store.Items.PageCounts(dataset, reviewer);
            return H.Html($"""
                <tr><td><a href="/review/{dataset}">{labelDataset.Scale.Title}</a></td>
                <td class="scale">{labelDataset.Scale.Describe()}</td>
                <td class="num">{mine.ItemsReviewed} of {status.Items}</td>
                <td class="num">{Layout.Percent(status.Coverage)}</td>
                <td class="num">{status.CompleteItems} of {status.Items}</td></tr>
                """);
        }).ToArray();
        var body = rows.Length == 0
            ? H.Html($"<p>Nothing to review yet. The study's admin adds answers with <code>sycobench portal push</code>.</p>")
            : H.Html($"""
                <table class="datasets">
                <thead><tr><th>Dataset</th><th>Scale</th><th>You reviewed</th><th>Coverage</th><th>Items with 3 reviews</th></tr></thead>
                <tbody>{H.Join(rows)}</tbody>
                </table>
                """);
        return Layout.Page(context, "Datasets", H.Html($"""
            <h1>Datasets</h1>
            <p>Pick a dataset to review. Read the <a href="/guidelines">guidelines</a> before your first review.</p>
            {body}
            """), reviewerCode: reviewer);
    }
}
