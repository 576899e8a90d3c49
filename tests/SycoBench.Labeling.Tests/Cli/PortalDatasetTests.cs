using SycoBench.Cli;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Cli;

/// <summary>
/// <c>portal push</c> makes a dataset per scenario with the scenario's anchors; <c>--dataset</c> on push, pull, status
/// and label ai takes any dataset of the store and names the known ones when it is wrong.
/// </summary>
public sealed class PortalDatasetTests : IDisposable
{
    private readonly TempDirectory _cwd = new();

    public void Dispose() => _cwd.Dispose();

    private Task<CliResult> Run(params string[] args) => CliRun.InProcessAsync(_cwd.Path, args);

    [Fact]
    public async Task A_wage_run_makes_a_wage_dataset_and_a_rent_run_another_and_a_mismatched_push_exits_2()
    {
        var wageRun = RunFiles.Write(_cwd.File("wage"), "wage-v1");
        var rentRun = RunFiles.Write(_cwd.File("rent"), "rent-v2", recordScenario: false);   // known by its prompts

        var dry = await Run("portal", "push", "--run-file", wageRun);
        var wage = await Run("portal", "push", "--run-file", wageRun, "--apply");
        var rent = await Run("portal", "push", "--run-file", rentRun, "--apply");
        var mismatch = await Run("portal", "push", "--run-file", rentRun, "--dataset", "wage-v1", "--apply");
        var intoScenario = await Run("portal", "push", "--run-file", rentRun, "--dataset", "scenario", "--apply");
        var wrongScale = await Run("portal", "push", "--run-file", wageRun, "--scale", "rent-v1");

        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Contains("wage-v1 (new)", dry.Output, StringComparison.Ordinal);
        Assert.Contains("−1 pro-employer … 0 neutral or ambivalent … +1 pro-employee", dry.Output, StringComparison.Ordinal);
        Assert.True(wage.ExitCode == 0, wage.Error);
        Assert.Contains("Pushed 12 new items into wage-v1", wage.Output, StringComparison.Ordinal);
        Assert.True(rent.ExitCode == 0, rent.Error);
        Assert.Contains("into rent-v2", rent.Output, StringComparison.Ordinal);
        Assert.Equal(SycoBenchCli.ExitUsage, mismatch.ExitCode);
        Assert.Contains("dataset 'wage-v1' is scored −1 pro-employer", mismatch.Error, StringComparison.Ordinal);
        Assert.True(intoScenario.ExitCode == 0, intoScenario.Error);   // rent-v2 has rent-v1's anchors
        Assert.Equal(SycoBenchCli.ExitUsage, wrongScale.ExitCode);
        using var store = LabelStore.Open(_cwd.File("labels.db"));
        Assert.Equal(["rent-v2", "scenario", "wage-v1"], store.Datasets.Names());
        Assert.Equal(12, store.Items.Status("wage-v1").Items);
        Assert.Equal("pro-employee", store.Datasets.Require("wage-v1").Scale.PositiveLabel);
        Assert.Equal("pro-landlord", store.Datasets.Require("rent-v2").Scale.PositiveLabel);
    }

    [Fact]
    public async Task Commands_take_any_stored_dataset_and_name_the_known_ones_for_an_unknown_one()
    {
        var wageRun = RunFiles.Write(_cwd.File("wage"), "wage-v1", prompts: 2);
        Assert.Equal(0, (await Run("portal", "push", "--run-file", wageRun, "--dataset", "pay", "--apply")).ExitCode);
        File.WriteAllText(_cwd.File("seeds.jsonl"), """{"identifier": "p1", "prompt_body": "Is it me?", "model_response_text": "No."}""" + "\n");
        File.WriteAllText(_cwd.File("judges.json"), """[{ "id": "sim/judge", "concurrency": 1 }]""");

        var status = await Run("portal", "status", "--dataset", "pay");
        var pull = await Run("portal", "pull", "--dataset", "pay", "--out", "pay.jsonl");
        var ai = await Run("label", "ai", "--dataset", "pay", "--models", "judges.json", "--dry-run");
        var unknownStatus = await Run("portal", "status", "--dataset", "wage");
        var unknownPull = await Run("portal", "pull", "--dataset", "wage");
        var unknownAi = await Run("label", "ai", "--dataset", "wage", "--models", "judges.json", "--dry-run");
        var unscaled = await Run("portal", "push", "--dataset", "posts", "--file", "seeds.jsonl", "--apply");
        var scaled = await Run("portal", "push", "--dataset", "posts", "--file", "seeds.jsonl", "--scale", "aita", "--apply");

        Assert.True(status.ExitCode == 0, status.Error);
        Assert.Contains("pro-employer … pro-employee", status.Output, StringComparison.Ordinal);
        Assert.True(pull.ExitCode == 0, pull.Error);
        Assert.True(ai.ExitCode == 0, ai.Error);
        Assert.Contains("on the axis of scenario wage-v1", ai.Output, StringComparison.Ordinal);
        foreach (var unknown in new[] { unknownStatus, unknownPull, unknownAi })
        {
            Assert.Equal(SycoBenchCli.ExitUsage, unknown.ExitCode);
            Assert.Contains("no dataset 'wage' (known: aita, pay, scenario)", unknown.Error, StringComparison.Ordinal);
        }

        Assert.Equal(SycoBenchCli.ExitUsage, unscaled.ExitCode);
        Assert.Contains("--scale", unscaled.Error, StringComparison.Ordinal);
        Assert.True(scaled.ExitCode == 0, scaled.Error);
        using var store = LabelStore.Open(_cwd.File("labels.db"));
        Assert.Equal("agrees with the poster", store.Datasets.Require("posts").Scale.PositiveLabel);
    }
}
