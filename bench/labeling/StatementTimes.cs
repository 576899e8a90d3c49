using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace SycoBench.Bench.Labeling;

/// <summary>
/// Where PostgreSQL's time goes, statement by statement, over the measured window: pg_stat_statements (the cluster
/// loads it for a run with <c>--statements</c>) counts every statement, those inside the review functions and their
/// triggers too, with its calls and its execution time. A function's time includes the statements it runs, so the
/// rows overlap; they show which step of a review costs what.
/// </summary>
internal sealed partial class StatementTimes(string connectionString)
{
    public sealed record Row(long Calls, double TotalMs, string Statement);

    public void Create() => Execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");

    /// <summary>Forgets what was counted so far (the seeding and the warm-up).</summary>
    public void Reset() => Execute("SELECT pg_stat_statements_reset()");

    /// <summary>The <paramref name="count"/> statements of this database with the most execution time since the reset.</summary>
    public IReadOnlyList<Row> Top(int count)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("""
            SELECT calls, total_exec_time, query FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT LIKE '%pg_stat_statements%'
            ORDER BY total_exec_time DESC LIMIT @count
            """, connection);
        command.Parameters.AddWithValue("count", count);
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
            rows.Add(new Row(reader.GetInt64(0), reader.GetDouble(1), Whitespace().Replace(reader.GetString(2), " ").Trim()));
        return rows;
    }

    /// <summary>The rows as a table: time per review (over <paramref name="reviews"/>), per call, calls, the statement's start.</summary>
    public static IEnumerable<string> Format(IReadOnlyList<Row> rows, int reviews)
    {
        var invariant = CultureInfo.InvariantCulture;
        yield return "PostgreSQL statements over the measured window (a function's time includes the statements it runs):";
        yield return "  ms/review   ms/call     calls  statement";
        foreach (var row in rows)
        {
            var text = row.Statement.Length > 90 ? row.Statement[..90] + "…" : row.Statement;
            yield return string.Create(invariant, $"  {row.TotalMs / Math.Max(1, reviews),9:0.000} {row.TotalMs / Math.Max(1, row.Calls),9:0.000} {row.Calls,9}  {text}");
        }
    }

    private void Execute(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
