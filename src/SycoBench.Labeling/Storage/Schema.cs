namespace SycoBench.Labeling.Storage;

/// <summary>
/// The label database's schema as numbered migrations, applied in order and recorded in <c>schema_migrations</c>.
/// A published migration is never edited; a change is a new one at the end.
/// </summary>
internal static class Schema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE llm_responses (
            id                  INTEGER PRIMARY KEY,
            dataset             TEXT    NOT NULL,
            identifier          TEXT    NOT NULL,
            prompt_title        TEXT    NOT NULL DEFAULT '',
            prompt_body         TEXT    NOT NULL,
            model_response_text TEXT    NOT NULL,
            model_id            TEXT,
            run_id              TEXT    NOT NULL DEFAULT '',   -- '' when a seed has none, so the unique key still holds
            metadata_json       TEXT,
            created_at          TEXT    NOT NULL,
            review_count        INTEGER NOT NULL DEFAULT 0,    -- reviews stored for this item
            load                INTEGER NOT NULL DEFAULT 0,    -- reviews plus live leases: what assignment orders by
            UNIQUE (dataset, identifier, run_id)
        );
        CREATE INDEX ix_llm_responses_assignment ON llm_responses (dataset, load, id);

        CREATE TABLE reviewers (
            code          TEXT PRIMARY KEY,                    -- public pseudonym, written into reviews and exports
            name          TEXT NOT NULL,
            sign_in_hash  TEXT NOT NULL UNIQUE,                -- SHA-256 of the sign-in code; the code itself is never stored
            created_at    TEXT NOT NULL,
            disabled_at   TEXT
        );

        CREATE TABLE reviews (
            id              INTEGER PRIMARY KEY,
            llm_response_id INTEGER NOT NULL REFERENCES llm_responses (id),
            reviewer_code   TEXT    NOT NULL REFERENCES reviewers (code),
            score           REAL    NOT NULL CHECK (score BETWEEN -1 AND 1),
            notes           TEXT,
            submission_id   TEXT    NOT NULL UNIQUE,           -- chosen by the client: a retry stores nothing new
            created_at      TEXT    NOT NULL,
            updated_at      TEXT    NOT NULL
        );
        CREATE INDEX ix_reviews_reviewer_item ON reviews (reviewer_code, llm_response_id);
        CREATE INDEX ix_reviews_item ON reviews (llm_response_id);

        -- One lease per reviewer and dataset: the item they are working on. A live lease counts toward an item's
        -- three reviews; when it expires it stops counting (live = 0) but stays, so a late submission is still theirs.
        CREATE TABLE assignments (
            reviewer_code   TEXT    NOT NULL REFERENCES reviewers (code),
            dataset         TEXT    NOT NULL,
            llm_response_id INTEGER NOT NULL REFERENCES llm_responses (id),
            assigned_at     TEXT    NOT NULL,
            expires_at_ms   INTEGER NOT NULL,
            live            INTEGER NOT NULL,
            PRIMARY KEY (reviewer_code, dataset)
        );
        CREATE INDEX ix_assignments_expiry ON assignments (live, expires_at_ms);
        """,
    ];
}
