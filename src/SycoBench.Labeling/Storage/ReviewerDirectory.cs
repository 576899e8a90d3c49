using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace SycoBench.Labeling.Storage;

/// <summary>
/// The allow-list of reviewers. A reviewer signs in with a random sign-in code issued by an admin; the database keeps
/// only its SHA-256 (the code has 100 random bits, so a fast hash is enough), and reviews carry the reviewer's public
/// code instead, so an exported reviews file never holds anything that lets someone sign in.
/// </summary>
public sealed class ReviewerDirectory
{
    public const int MaxNameLength = 200;

    // Crockford's base32 without I, L, O, U: nothing to misread when a code is typed from paper.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private readonly LabelDatabase _database;

    internal ReviewerDirectory(LabelDatabase database)
    {
        _database = database;
    }

    public NewReviewer Add(string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new InputException("a reviewer needs a name");
        if (trimmed.Length > MaxNameLength)
            throw new InputException($"a reviewer name has at most {MaxNameLength} characters");

        return _database.Write((connection, transaction) => AddIn(connection, transaction, trimmed, _database.Now()));
    }

    /// <summary>Adds a reviewer inside a transaction the caller holds (an import adds several with the rest of its work).</summary>
    internal static NewReviewer AddIn(DbConnection connection, DbTransaction transaction, string name, string now)
    {
        while (true)
        {
            var code = "R-" + RandomText(6);
            var signIn = string.Join('-', RandomText(5), RandomText(5), RandomText(5), RandomText(5));
            var inserted = Sql.Execute(connection, transaction,
                "INSERT INTO reviewers (code, name, sign_in_hash, created_at) VALUES (@code, @name, @hash, @now) ON CONFLICT DO NOTHING",
                ("@code", code), ("@name", name), ("@hash", Hash(signIn)), ("@now", now));
            if (inserted == 1)
                return new NewReviewer(new ReviewerAccount(code, name, now, null), signIn);
        }
    }

    /// <summary>The active reviewer whose sign-in code this is, or null (unknown, disabled, or malformed).</summary>
    public ReviewerAccount? FindBySignInCode(string? signInCode)
    {
        var normalised = Normalise(signInCode);
        if (normalised is null)
            return null;
        using var connection = _database.OpenConnection();
        return Single(connection, "SELECT code, name, created_at, disabled_at FROM reviewers WHERE sign_in_hash = @hash AND disabled_at IS NULL",
            ("@hash", Hash(normalised)));
    }

    public ReviewerAccount? Find(string code)
    {
        using var connection = _database.OpenConnection();
        return Single(connection, "SELECT code, name, created_at, disabled_at FROM reviewers WHERE code = @code", ("@code", code));
    }

    /// <summary>Stops the reviewer from signing in and ends every session they have, in one transaction.</summary>
    public bool Disable(string code) =>
        _database.Write((connection, transaction) =>
        {
            var now = _database.Now();
            RevokeAll(connection, transaction, code, now);
            return Sql.Execute(connection, transaction, "UPDATE reviewers SET disabled_at = @now WHERE code = @code AND disabled_at IS NULL",
                ("@now", now), ("@code", code)) == 1;
        });

    /// <summary>Starts a session for a reviewer who just signed in; the returned id goes into their cookie only.</summary>
    public string StartSession(string code)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _database.Write((connection, transaction) =>
            Sql.Execute(connection, transaction,
                "INSERT INTO reviewer_sessions (id_hash, reviewer_code, created_at) VALUES (@hash, @code, @now)",
                ("@hash", SessionHash(id)), ("@code", code), ("@now", _database.Now())));
        return id;
    }

    /// <summary>
    /// Whether this session of this reviewer is still open: not signed out, not revoked, the reviewer not disabled. Asked
    /// on every signed-in request, so it waits for the database without holding a thread: under load, requests blocked
    /// on it would make the server add threads and switch between them.
    /// </summary>
    public async Task<bool> IsSessionOpenAsync(string code, string? sessionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > 100)
            return false;
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null, """
            SELECT 1 FROM reviewer_sessions s JOIN reviewers r ON r.code = s.reviewer_code
            WHERE s.id_hash = @hash AND s.reviewer_code = @code AND s.revoked_at IS NULL AND r.disabled_at IS NULL
            """, ("@hash", SessionHash(sessionId)), ("@code", code));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not (null or DBNull);
    }

    /// <summary>Ends one session (sign-out). The cookie may live on in a copy; the session it names no longer opens anything.</summary>
    public void EndSession(string sessionId)
    {
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > 100)
            return;
        _database.Write((connection, transaction) =>
            Sql.Execute(connection, transaction, "UPDATE reviewer_sessions SET revoked_at = @now WHERE id_hash = @hash AND revoked_at IS NULL",
                ("@now", _database.Now()), ("@hash", SessionHash(sessionId))));
    }

    private static void RevokeAll(DbConnection connection, DbTransaction transaction, string code, string now) =>
        Sql.Execute(connection, transaction, "UPDATE reviewer_sessions SET revoked_at = @now WHERE reviewer_code = @code AND revoked_at IS NULL",
            ("@now", now), ("@code", code));

    private static string SessionHash(string sessionId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)));

    public IReadOnlyList<ReviewerSummary> List()
    {
        using var connection = _database.OpenConnection();
        using var command = Sql.Command(connection, null, """
            SELECT r.code, r.name, r.created_at, r.disabled_at, COUNT(v.id), MAX(v.created_at)
            FROM reviewers r LEFT JOIN reviews v ON v.reviewer_code = r.code
            GROUP BY r.code ORDER BY r.created_at, r.code
            """);
        using var reader = command.ExecuteReader();
        var list = new List<ReviewerSummary>();
        while (reader.Read())
            list.Add(new ReviewerSummary(Read(reader), reader.GetInt64(4), Sql.NullableString(reader, 5)));
        return list;
    }

    /// <summary>Upper case without separators or spaces, so "abcde-fghjk …" and "ABCDEFGHJK…" are the same code.</summary>
    internal static string? Normalise(string? signInCode)
    {
        if (string.IsNullOrWhiteSpace(signInCode) || signInCode.Length > 100)
            return null;
        var builder = new StringBuilder(20);
        foreach (var c in signInCode)
        {
            if (c is '-' or ' ')
                continue;
            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper, StringComparison.Ordinal))
                return null;
            builder.Append(upper);
        }

        return builder.Length == 20 ? builder.ToString() : null;
    }

    private static string Hash(string signInCode)
    {
        var normalised = Normalise(signInCode) ?? signInCode;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    private static string RandomText(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });

    private static ReviewerAccount? Single(DbConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = Sql.Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static ReviewerAccount Read(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), Sql.NullableString(reader, 3));
}
