using SycoBench.Reporting;

namespace SycoBench.Tests.Reporting;

/// <summary>Roster labels come from the models recorded in run_grid.json beside the scored run.</summary>
public sealed class ReportModelLabelsTests
{
    [Fact]
    public void Labels_are_read_from_the_run_grid_beside_the_input_and_models_without_one_keep_their_id()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("run_grid.json"), """
            { "models": [ { "id": "a/one", "label": "Model One" }, { "id": "b/two" }, { "id": "c/three", "label": "  " } ] }
            """);
        var warnings = new List<string>();

        var labels = ReportModelLabels.Read(dir.File("run_scored.jsonl"), dir.Path, warnings);

        Assert.Equal(new Dictionary<string, string> { ["a/one"] = "Model One" }, labels);
        Assert.Empty(warnings);
    }

    [Fact]
    public void An_unreadable_run_grid_is_a_warning_and_no_file_is_no_labels()
    {
        using var dir = new TempDirectory();
        var warnings = new List<string>();
        Assert.Empty(ReportModelLabels.Read(dir.File("run_scored.jsonl"), dir.Path, warnings));
        Assert.Empty(warnings);

        File.WriteAllText(dir.File("run_grid.json"), "{ not json");
        Assert.Empty(ReportModelLabels.Read(dir.File("run_scored.jsonl"), dir.Path, warnings));
        Assert.Contains("run_grid.json: cannot be read", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_two_models_share_is_told_apart_by_the_id()
    {
        using var dir = new TempDirectory();
        var meta = new ReportBuilder().Compute(ScoredRunWriter.Options(
            new ScoredRunWriter(ScoredRunWriter.Rent).Model("a/one", (_, _, _) => 0).Model("b/two", (_, _, _) => 0).Write(dir.File("run_scored.jsonl")),
            ScoredRunWriter.Rent) with
        { ModelLabels = new Dictionary<string, string> { ["a/one"] = "Same", ["b/two"] = "Same", ["x/absent"] = "Other" } }).Metadata;

        Assert.Equal("Same (a/one)", meta.ModelName("a/one"));
        Assert.Equal("Same (b/two)", meta.ModelName("b/two"));
        Assert.Equal(2, meta.ModelLabels.Count); // labels of models not in the run are not carried
        Assert.StartsWith("Rent increase (version 1) (rent-v1), 2025-10-11: ", meta.RunTitle, StringComparison.Ordinal);
    }
}
