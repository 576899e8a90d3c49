using System.Text.Json;
using SycoBench.Cli;
using SycoBench.Labeling.Storage;
using SycoBench.Reviews;
using SycoBench.Simulator;

namespace SycoBench.Labeling.Tests.Cli;

/// <summary>label ai against the simulator on loopback: AI reviews stored apart, human counts and assignment untouched.</summary>
public sealed class LabelAiCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sim_judge_reviews_an_aita_dataset_as_llm_code_with_the_original_prompt_and_people_still_get_every_item()
    {
        string[] answers =
        [
            "You are within your rights to ask for it, and the increase is fair.",
            "Push back and refuse the full amount; the increase is unfair.",
            "Both sides have valid points; talk it through calmly.",
        ];
        using (var seeded = LabelStore.Open(_dir.File("labels.db")))
            seeded.Items.Push("aita", answers.Select((a, i) => Seeds.Make(i, response: a) with { PromptTitle = "R: NTA AI: NTA" }).ToList());
        File.WriteAllText(_dir.File("judges.json"), """[{ "id": "sim/judge", "concurrency": 2 }]""");
        await using var sim = await SimServer.StartAsync(new SimOptions { Port = 0, RecordFile = _dir.File("requests.jsonl") });
        var variables = new Dictionary<string, string> { ["SIM_BASE_URL"] = sim.BaseUrl.ToString() };

        var first = await CliRun.InProcessAsync(_dir.Path, variables, CancellationToken.None, "label", "ai", "--dataset", "aita", "--models", "judges.json", "--no-cache");
        var again = await CliRun.InProcessAsync(_dir.Path, variables, CancellationToken.None, "label", "ai", "--dataset", "aita", "--models", "judges.json", "--no-cache");

        Assert.True(first.ExitCode == SycoBenchCli.ExitOk, first.Output + first.Error);
        Assert.Contains("sycophancy_scoring.json", first.Output, StringComparison.Ordinal);
        Assert.Equal(SycoBenchCli.ExitOk, again.ExitCode);
        var requests = File.ReadAllLines(_dir.File("requests.jsonl"));
        Assert.Equal(3, requests.Length); // the second run resumed: every item had its review, nothing was sent

        // The original prompt, verbatim: its system text, a blank line, its instruction; the post; the answer.
        using var original = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "labeling", "sycophancy_scoring.json")));
        var instruction = original.RootElement.GetProperty("system").GetString() + "\n\n" + original.RootElement.GetProperty("instruction").GetString();
        using var request = JsonDocument.Parse(requests[0]);
        var messages = request.RootElement.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Equal(instruction, messages[0].GetProperty("content").GetString());
        Assert.StartsWith("R: NTA AI: NTA\n\n", messages[1].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("assistant", messages[2].GetProperty("role").GetString());

        using var store = LabelStore.Open(_dir.File("labels.db"));
        var code = AiReviewers.CodeFor("sim/judge");
        var counts = Assert.Single(store.AiReviews.Counts("aita"));
        Assert.Equal((code, 3L, 3L), (counts.ReviewerCode, counts.Reviews, counts.Items));
        var status = store.Items.Status("aita");
        Assert.Equal(0, status.Reviews);
        Assert.Equal(3, status.ItemsByReviewCount[0]);

        var person = store.Reviewers.Add("Ada").Account.Code;
        var offered = new List<long>();
        for (var i = 0; i < answers.Length; i++)
        {
            var assignment = await store.Assignments.NextAsync("aita", person);
            Assert.Equal(0, assignment!.LoadBefore);
            offered.Add(assignment.Item.Id);
            Assert.Equal(SubmitStatus.Stored, (await store.Assignments.SubmitAsync(StoreExtensions.Submission(person, assignment.Item.Id))).Status);
        }

        Assert.Equal(store.Items.List("aita").Select(i => i.Id).Order(), offered.Order());
        var exported = store.Export.Reviews("aita").ToList();
        Assert.Equal(3, exported.Count(r => r.ReviewerCode == code));
        Assert.All(exported.Where(r => r.ReviewerCode == code), r => Assert.InRange(r.Score, -1, 1));
    }

    [Fact]
    public async Task A_scenario_dataset_is_scored_with_the_scenario_rubric_and_bad_input_is_refused()
    {
        using (var seeded = LabelStore.Open(_dir.File("labels.db")))
        {
            seeded.Items.Push("pay", DatasetScale.FromScenario(Scenarios.ScenarioCatalog.Load("wage-v1", _dir.Path)), Seeds.Many(2));
            seeded.Items.Push("scenario", Seeds.Many(2));
            seeded.Items.Push("custom", new DatasetScale("custom-v9", "Custom", "pro-a", DatasetScale.DefaultNeutral, "pro-b"), Seeds.Many(2));
        }

        File.WriteAllText(_dir.File("judges.json"), """[{ "id": "sim/judge", "concurrency": 1 }]""");

        var dry = await CliRun.InProcessAsync(_dir.Path, "label", "ai", "--dataset", "pay", "--models", "judges.json", "--dry-run");
        var otherAxis = await CliRun.InProcessAsync(_dir.Path, "label", "ai", "--dataset", "scenario", "--models", "judges.json", "--scenario", "wage-v1", "--dry-run");
        var unknown = await CliRun.InProcessAsync(_dir.Path, "label", "ai", "--dataset", "custom", "--models", "judges.json");
        var aitaRubric = await CliRun.InProcessAsync(_dir.Path, "label", "ai", "--dataset", "aita", "--models", "judges.json", "--rubric", "axis-v1");
        var empty = await CliRun.InProcessAsync(_dir.Path, "label", "ai", "--dataset", "aita", "--models", "judges.json");

        Assert.Equal(SycoBenchCli.ExitUsage, otherAxis.ExitCode);
        Assert.Contains("dataset 'scenario' is scored −1 pro-tenant", otherAxis.Error, StringComparison.Ordinal);
        Assert.True(dry.ExitCode == SycoBenchCli.ExitOk, dry.Output + dry.Error);
        Assert.Contains("on the axis of scenario wage-v1", dry.Output, StringComparison.Ordinal);
        Assert.Contains("pro-employer", dry.Output, StringComparison.Ordinal);
        Assert.Equal(SycoBenchCli.ExitUsage, unknown.ExitCode);
        Assert.Contains("--scenario", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(SycoBenchCli.ExitUsage, aitaRubric.ExitCode);
        Assert.Equal(SycoBenchCli.ExitFailure, empty.ExitCode);
        Assert.Contains("dataset 'aita' has no items", empty.Error, StringComparison.Ordinal);
        using var store = LabelStore.Open(_dir.File("labels.db"));
        Assert.Empty(store.AiReviews.Counts());
    }
}
