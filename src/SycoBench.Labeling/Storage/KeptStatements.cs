using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// The compiled statements of one SQLite connection used by one thread at a time (the store's writer, under its write
/// gate), kept for reuse: SQLite compiles a statement's text on every new command, and for the short statements of a
/// review that compiling cost more than running them. A command is kept per SQL text, up to <see cref="Capacity"/>
/// texts, and lent to one caller at a time; its parameters are set afresh on every use. A text whose kept command is
/// lent already (a reader still open on it) gets a fresh command, as does every text past the capacity.
/// </summary>
internal sealed class KeptStatements : IDisposable
{
    public const int Capacity = 64;
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, Entry> _commands = new(StringComparer.Ordinal);

    public KeptStatements(SqliteConnection connection)
    {
        _connection = connection;
    }

    /// <summary>The kept command of this text (made on first use), lent until disposed; null when it is lent already or the capacity is reached.</summary>
    public DbCommand? Rent(string sql)
    {
        if (!_commands.TryGetValue(sql, out var entry))
        {
            if (_commands.Count >= Capacity)
                return null;
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            entry = new Entry(command);
            _commands.Add(sql, entry);
        }

        if (entry.Lent)
            return null;
        entry.Lent = true;
        entry.Command.Parameters.Clear();
        return new LentCommand(entry);
    }

    public int Count => _commands.Count;

    public void Dispose()
    {
        foreach (var entry in _commands.Values)
            entry.Command.Dispose();
        _commands.Clear();
    }

    internal sealed class Entry(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public bool Lent { get; set; }
    }
}

/// <summary>A kept command lent to one caller: disposing it gives it back (its compiled statements stay) instead of freeing it.</summary>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "The text is the kept command's own, set once from the store's SQL constants.")]
internal sealed class LentCommand(KeptStatements.Entry entry) : DbCommand
{
    private readonly SqliteCommand _kept = entry.Command;

    [AllowNull]
    public override string CommandText
    {
        get => _kept.CommandText;
        set => throw new InvalidOperationException("a kept command's text cannot change");
    }

    public override int CommandTimeout { get => _kept.CommandTimeout; set => _kept.CommandTimeout = value; }

    public override CommandType CommandType { get => _kept.CommandType; set => _kept.CommandType = value; }

    public override bool DesignTimeVisible { get => _kept.DesignTimeVisible; set => _kept.DesignTimeVisible = value; }

    public override UpdateRowSource UpdatedRowSource { get => _kept.UpdatedRowSource; set => _kept.UpdatedRowSource = value; }

    protected override DbConnection? DbConnection { get => _kept.Connection; set => throw new InvalidOperationException("a kept command stays on its connection"); }

    protected override DbParameterCollection DbParameterCollection => _kept.Parameters;

    protected override DbTransaction? DbTransaction { get => _kept.Transaction; set => _kept.Transaction = (SqliteTransaction?)value; }

    public override void Cancel() => _kept.Cancel();

    public override int ExecuteNonQuery() => _kept.ExecuteNonQuery();

    public override object? ExecuteScalar() => _kept.ExecuteScalar();

    public override void Prepare() => _kept.Prepare();

    protected override DbParameter CreateDbParameter() => _kept.CreateParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => _kept.ExecuteReader(behavior);

    /// <summary>Gives the command back to its connection's kept statements; the statements stay compiled.</summary>
    protected override void Dispose(bool disposing)
    {
        entry.Lent = false;
        base.Dispose(disposing);
    }
}
