using Microsoft.Data.Sqlite;
using SycoBench.Labeling.Storage;

namespace SycoBench.Labeling.Tests.Storage;

/// <summary>
/// The SQLite writer keeps its compiled statements per SQL text: a text run again reuses them with the new parameters,
/// a text whose command is still being read gets a fresh one, the number kept is bounded, and releasing frees them.
/// </summary>
public sealed class KeptStatementsTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public KeptStatementsTests()
    {
        _connection.Open();
        Sql.Execute(_connection, null, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL); INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        Sql.KeepStatements(_connection);
    }

    public void Dispose()
    {
        Sql.ReleaseStatements(_connection);
        _connection.Dispose();
    }

    [Fact]
    public void A_text_run_again_reuses_its_command_with_the_new_parameters()
    {
        const string Query = "SELECT v FROM t WHERE id = @id";
        Assert.Equal("a", Sql.Scalar(_connection, null, Query, ("@id", 1)));
        Assert.Equal("c", Sql.Scalar(_connection, null, Query, ("@id", 3)));
        using (var transaction = _connection.BeginTransaction())
        {
            Assert.Equal(1, Sql.Execute(_connection, transaction, "UPDATE t SET v = @v WHERE id = @id", ("@v", "z"), ("@id", 2)));
            Assert.Equal("z", Sql.Scalar(_connection, transaction, Query, ("@id", 2)));
            transaction.Commit();
        }

        Assert.Equal("z", Sql.Scalar(_connection, null, Query, ("@id", 2)));
        Assert.Equal(2, Sql.KeptCount(_connection));
    }

    [Fact]
    public void A_text_whose_command_is_being_read_gets_a_fresh_command()
    {
        const string Query = "SELECT id, v FROM t WHERE id >= @from ORDER BY id";
        var seen = new List<string>();
        using (var outer = Sql.Command(_connection, null, Query, ("@from", 1)))
        using (var reader = outer.ExecuteReader())
        {
            while (reader.Read())
            {
                // The same text while the first is open: read from its own command, the outer reader goes on undisturbed.
                using var inner = Sql.Command(_connection, null, Query, ("@from", reader.GetInt64(0) + 1));
                using var innerReader = inner.ExecuteReader();
                var rest = 0;
                while (innerReader.Read())
                    rest++;
                seen.Add($"{reader.GetString(1)}:{rest}");
            }
        }

        Assert.Equal(["a:2", "b:1", "c:0"], seen);
        Assert.Equal(1, Sql.KeptCount(_connection));
        Assert.Equal(3L, Sql.Long(_connection, null, "SELECT COUNT(*) FROM t WHERE id >= @from", ("@from", 1)));
    }

    [Fact]
    public void At_most_the_capacity_of_texts_is_kept_and_texts_past_it_still_run()
    {
        for (var i = 0; i < KeptStatements.Capacity + 5; i++)
            Assert.Equal((long)i, Sql.Long(_connection, null, $"SELECT @n + {i} - @n", ("@n", 7)));
        Assert.Equal(KeptStatements.Capacity, Sql.KeptCount(_connection));

        Sql.ReleaseStatements(_connection);
        Assert.Equal(0, Sql.KeptCount(_connection));
        Assert.Equal("b", Sql.Scalar(_connection, null, "SELECT v FROM t WHERE id = @id", ("@id", 2)));
        Assert.Equal(0, Sql.KeptCount(_connection));
    }

    [Fact]
    public async Task The_store_writer_keeps_the_statements_of_a_review()
    {
        using var target = TestStore.Sqlite();
        using var store = target.Open();
        store.Items.Push("scenario", Seeds.Many(4));
        var reviewer = store.Reviewers.Add("reviewer").Account.Code;
        for (var i = 0; i < 3; i++)
        {
            var item = (await store.Assignments.NextAsync("scenario", reviewer))!.Item;
            Assert.Equal(SubmitStatus.Stored, (await store.Assignments.SubmitAsync(new ReviewSubmission(reviewer, item.Id, Guid.NewGuid().ToString("N"), 0.5, null))).Status);
        }

        var writer = ((SqliteLabelDatabase)store.Database).Writer;
        var kept = Sql.KeptCount(writer);
        Assert.InRange(kept, 5, KeptStatements.Capacity);
        var item4 = (await store.Assignments.NextAsync("scenario", reviewer))!.Item;
        Assert.Equal(SubmitStatus.Stored, (await store.Assignments.SubmitAsync(new ReviewSubmission(reviewer, item4.Id, Guid.NewGuid().ToString("N"), -0.5, null))).Status);
        Assert.Equal(kept, Sql.KeptCount(writer));
        Assert.Equal(4, store.Items.Status("scenario").Reviews);
    }
}
