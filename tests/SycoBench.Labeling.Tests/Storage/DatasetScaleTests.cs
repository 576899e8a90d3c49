using SycoBench.Labeling.Storage;
using SycoBench.Scenarios;

namespace SycoBench.Labeling.Tests.Storage;

/// <summary>Datasets carry their scale: made by the first push, kept, refused when other anchors come, copied whole.</summary>
public abstract class DatasetScaleTests : IDisposable
{
    private readonly TestStore _target;
    private readonly LabelStore _store;

    protected DatasetScaleTests(TestStore target)
    {
        _target = target;
        _store = LabelStore.Open(_target.Location);
    }

    public void Dispose()
    {
        _store.Dispose();
        _target.Dispose();
        GC.SuppressFinalize(this);
    }

    private static DatasetScale Of(string scenario) => DatasetScale.FromScenario(ScenarioCatalog.Load(scenario, AppContext.BaseDirectory));

    [Fact]
    public void A_dataset_keeps_the_scale_of_its_first_push_and_refuses_other_anchors()
    {
        var made = _store.Items.Push("wage-v1", Of("wage-v1"), Seeds.Many(3));
        var v2 = _store.Items.Push("wage-v1", Of("wage-v2"), [Seeds.Make(7)]);   // the same family: the same anchors
        var mismatch = Assert.Throws<DatasetScaleMismatchException>(() => _store.Items.Push("wage-v1", Of("rent-v1"), [Seeds.Make(8)]));
        var planned = Assert.Throws<DatasetScaleMismatchException>(() => _store.Items.Plan("wage-v1", DatasetScale.Aita, [Seeds.Make(8)]));
        var unscaled = Assert.Throws<InputException>(() => _store.Items.Push("reddit", [Seeds.Make(9)]));

        Assert.True(made.NewDataset);
        Assert.False(v2.NewDataset);
        Assert.Contains("pro-employer", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("pro-landlord", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("--dataset", planned.Message, StringComparison.Ordinal);
        Assert.Contains("--scale", unscaled.Message, StringComparison.Ordinal);
        Assert.Equal(4, _store.Items.Status("wage-v1").Items);
        Assert.Equal(0, _store.Items.Status("reddit").Items);
        var wage = _store.Datasets.Require("wage-v1").Scale;
        Assert.Equal(("pro-employer", "neutral or ambivalent", "pro-employee"), (wage.NegativeLabel, wage.NeutralLabel, wage.PositiveLabel));
        Assert.Equal((-1.0, 1.0), (wage.Minimum, wage.Maximum));
        Assert.Equal(("wage-v1", "Pay raise request (version 1)"), (wage.Source, wage.Title));
        Assert.Equal(["wage-v1"], _store.Datasets.Names());
        var unknown = Assert.Throws<UnknownDatasetException>(() => _store.Datasets.Require("rent"));
        Assert.Contains("known: aita, scenario, wage-v1", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_names_have_their_scales_and_a_rent_v2_push_fits_the_scenario_dataset()
    {
        _store.Items.Push("aita", [Seeds.Make(1)]);
        _store.Items.Push("scenario", [Seeds.Make(2)]);
        _store.Items.Push("scenario", Of("rent-v2"), [Seeds.Make(3)]);

        Assert.Equal(DatasetScale.Aita, _store.Datasets.Require("aita").Scale);
        Assert.Equal(DatasetScale.RentV1, _store.Datasets.Require("scenario").Scale);
        Assert.True(Of("rent-v1").HasSameAnchors(DatasetScale.RentV1));
        Assert.Throws<DatasetScaleMismatchException>(() => _store.Items.Push("aita", Of("rent-v1"), [Seeds.Make(4)]));
    }

    [Fact]
    public void The_migration_gives_the_datasets_of_an_older_store_the_rent_and_aita_anchors()
    {
        // A store as schema version 5 left it: items, and no datasets table.
        using var older = TestStore.Of(_target.Kind);
        using (var version5 = LabelStore.OpenAtSchemaVersion(older.Location, 5))
        using (var connection = version5.Database.OpenConnection())
        {
            foreach (var (name, identifier, created) in new[]
                     {
                         ("scenario", "a", "2026-01-02T00:00:00.000Z"), ("scenario", "b", "2026-01-01T00:00:00.000Z"), ("aita", "c", "2026-01-03T00:00:00.000Z"),
                     })
            {
                Sql.Execute(connection, null,
                    "INSERT INTO llm_responses (dataset, identifier, prompt_body, model_response_text, created_at) VALUES (@d, @i, 'body', 'answer', @c)",
                    ("@d", name), ("@i", identifier), ("@c", created));
            }
        }

        using var reopened = LabelStore.Open(older.Location);

        Assert.Equal(LabelStore.CurrentSchemaVersion, reopened.SchemaVersion);
        var scenario = reopened.Datasets.Require("scenario");
        Assert.Equal(DatasetScale.RentV1, scenario.Scale);
        Assert.Equal(DatasetScale.Aita, reopened.Datasets.Require("aita").Scale);
        Assert.Equal("2026-01-01T00:00:00.000Z", scenario.CreatedAt);
        Assert.Equal(["aita", "scenario"], reopened.Datasets.Names());
        Assert.Equal(2, reopened.Items.Status("scenario").Items);
    }

    [Fact]
    public void Copying_the_store_to_the_other_backend_and_back_keeps_every_dataset_and_its_anchors()
    {
        _store.Items.Push("wage-v1", Of("wage-v1"), Seeds.Many(2));
        _store.Items.Push("aita", [Seeds.Make(5)]);
        _store.Items.Push("scenario", [Seeds.Make(6)]);
        using var otherTarget = TestStore.Of(_target.Kind == LabelStoreKind.Sqlite ? LabelStoreKind.Postgres : LabelStoreKind.Sqlite);
        using var backTarget = TestStore.Of(_target.Kind);
        using var other = otherTarget.Open();
        using var back = backTarget.Open();

        var there = LabelStoreCopier.Copy(_store, other);
        LabelStoreCopier.Copy(other, back);

        Assert.Equal(3, there.Rows("datasets"));
        var expected = _store.Datasets.List();
        Assert.Equal(expected, other.Datasets.List());
        Assert.Equal(expected, back.Datasets.List());
        Assert.Equal("pro-employee", back.Datasets.Require("wage-v1").Scale.PositiveLabel);
    }
}

public sealed class DatasetScaleOnSqliteTests() : DatasetScaleTests(TestStore.Sqlite());

public sealed class DatasetScaleOnPostgresTests() : DatasetScaleTests(TestStore.Postgres());
