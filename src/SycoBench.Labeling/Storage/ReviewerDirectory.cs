using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

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

        return _database.Write((connection, transaction) =>
        {
            while (true)
            {
                var code = "R-" + RandomText(6);
                var signIn = string.Join('-', RandomText(5), RandomText(5), RandomText(5), RandomText(5));
                var now = _database.Now();
                var inserted = Sql.Execute(connection, transaction,
                    "INSERT OR IGNORE INTO reviewers (code, name, sign_in_hash, created_at) VALUES ($code, $name, $hash, $now)",
                    ("$code", code), ("$name", trimmed), ("$hash", Hash(signIn)), ("$now", now));
                if (inserted == 1)
                    return new NewReviewer(new ReviewerAccount(code, trimmed, now, null), signIn);
            }
        });
    }

    /// <summary>The active reviewer whose sign-in code this is, or null (unknown, disabled, or malformed).</summary>
    public ReviewerAccount? FindBySignInCode(string? signInCode)
    {
        var normalised = Normalise(signInCode);
        if (normalised is null)
            return null;
        using var connection = _database.OpenConnection();
        return Single(connection, "SELECT code, name, created_at, disabled_at FROM reviewers WHERE sign_in_hash = $hash AND disabled_at IS NULL",
            ("$hash", Hash(normalised)));
    }

    public ReviewerAccount? Find(string code)
    {
        using var connection = _database.OpenConnection();
        return Single(connection, "SELECT code, name, created_at, disabled_at FROM reviewers WHERE code = $code", ("$code", code));
    }

    public bool Disable(string code) =>
        _database.Write((connection, transaction) =>
            Sql.Execute(connection, transaction, "UPDATE reviewers SET disabled_at = $now WHERE code = $code AND disabled_at IS NULL",
                ("$now", _database.Now()), ("$code", code)) == 1);

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

    private static ReviewerAccount? Single(SqliteConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = Sql.Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static ReviewerAccount Read(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), Sql.NullableString(reader, 3));
}
