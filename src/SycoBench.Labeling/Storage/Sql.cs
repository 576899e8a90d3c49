using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// Small helpers for parameterised commands: every value reaches the database as a parameter, never as SQL text.
/// Parameters are named <c>@name</c>, which SQLite and PostgreSQL (Npgsql) both read. On a connection that keeps its
/// statements (<see cref="KeepStatements"/>), a command of a text run before reuses its compiled statements.
/// </summary>
internal static class Sql
{
    private static readonly ConditionalWeakTable<DbConnection, KeptStatements> Kept = [];

    /// <summary>
    /// From now on, commands on <paramref name="connection"/> keep their compiled statements for the next command of
    /// the same text. Only for a connection used by one thread at a time; <see cref="ReleaseStatements"/> frees them.
    /// </summary>
    public static void KeepStatements(SqliteConnection connection) => Kept.Add(connection, new KeptStatements(connection));

    public static void ReleaseStatements(SqliteConnection connection)
    {
        if (Kept.TryGetValue(connection, out var kept))
        {
            kept.Dispose();
            Kept.Remove(connection);
        }
    }

    /// <summary>How many statement texts a connection keeps compiled (tests).</summary>
    public static int KeptCount(DbConnection connection) => Kept.TryGetValue(connection, out var kept) ? kept.Count : 0;

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        DbCommand command;
        if (Kept.TryGetValue(connection, out var kept) && kept.Rent(sql) is { } lent)
        {
            command = lent;
        }
        else
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
        }

        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static long Long(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt64(Scalar(connection, transaction, sql, parameters) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first column of every row the query returns, as text, in the query's order.</summary>
    public static List<string> Strings(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(reader.GetString(0));
        return values;
    }

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
