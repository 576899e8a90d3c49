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

        -- Running counts for the progress and coverage shown on every review page, kept by triggers in the same
        -- transaction as the change, so they are exact without scanning the dataset on each page.
        CREATE TABLE dataset_counts (
            dataset TEXT PRIMARY KEY,
            items   INTEGER NOT NULL DEFAULT 0,
            reviews INTEGER NOT NULL DEFAULT 0,
            items_1 INTEGER NOT NULL DEFAULT 0,                -- items with exactly 1 review
            items_2 INTEGER NOT NULL DEFAULT 0,                -- exactly 2
            items_3 INTEGER NOT NULL DEFAULT 0                 -- 3 or more
        );
        CREATE TABLE reviewer_counts (
            reviewer_code TEXT    NOT NULL,
            dataset       TEXT    NOT NULL,
            items         INTEGER NOT NULL DEFAULT 0,          -- distinct items reviewed
            reviews       INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (reviewer_code, dataset)
        );
        CREATE TRIGGER tr_llm_responses_counted AFTER INSERT ON llm_responses BEGIN
            INSERT INTO dataset_counts (dataset, items) VALUES (NEW.dataset, 1)
            ON CONFLICT (dataset) DO UPDATE SET items = items + 1;
        END;
        CREATE TRIGGER tr_llm_responses_reviewed AFTER UPDATE OF review_count ON llm_responses
        WHEN NEW.review_count <> OLD.review_count BEGIN
            UPDATE dataset_counts SET
                reviews = reviews + NEW.review_count - OLD.review_count,
                items_1 = items_1 + (NEW.review_count = 1) - (OLD.review_count = 1),
                items_2 = items_2 + (NEW.review_count = 2) - (OLD.review_count = 2),
                items_3 = items_3 + (NEW.review_count >= 3) - (OLD.review_count >= 3)
            WHERE dataset = NEW.dataset;
        END;
        CREATE TRIGGER tr_reviews_counted AFTER INSERT ON reviews BEGIN
            INSERT INTO reviewer_counts (reviewer_code, dataset, items, reviews)
            SELECT NEW.reviewer_code, i.dataset, 1, 1 FROM llm_responses i WHERE i.id = NEW.llm_response_id
            ON CONFLICT (reviewer_code, dataset) DO UPDATE SET
                reviews = reviews + 1,
                items = items + (SELECT COUNT(*) = 1 FROM reviews v WHERE v.reviewer_code = NEW.reviewer_code AND v.llm_response_id = NEW.llm_response_id);
        END;
        """,
        """
        -- A sign-in is a session: the cookie carries its id, the database its SHA-256. Signing out or disabling the
        -- reviewer revokes it, so a copy of the cookie stops working at once, wherever it is.
        CREATE TABLE reviewer_sessions (
            id_hash       TEXT PRIMARY KEY,
            reviewer_code TEXT NOT NULL REFERENCES reviewers (code),
            created_at    TEXT NOT NULL,
            revoked_at    TEXT
        );
        CREATE INDEX ix_reviewer_sessions_reviewer ON reviewer_sessions (reviewer_code);
        """,
        """
        -- Reviews written by models (reviewer code llm:<model id>). A table of their own, so that by construction they
        -- are never assigned, never count toward an item's three human reviews and never reach a reviewer's page:
        -- assignment, leases and every count read only the reviews table.
        CREATE TABLE ai_reviews (
            id              INTEGER PRIMARY KEY,
            llm_response_id INTEGER NOT NULL REFERENCES llm_responses (id),
            reviewer_code   TEXT    NOT NULL CHECK (reviewer_code LIKE 'llm:_%'),
            score           REAL    NOT NULL CHECK (score BETWEEN -1 AND 1),
            notes           TEXT,
            submission_id   TEXT    UNIQUE,                    -- chosen by the writer: adding it again stores nothing new
            created_at      TEXT    NOT NULL,
            updated_at      TEXT    NOT NULL
        );
        CREATE INDEX ix_ai_reviews_item ON ai_reviews (llm_response_id);
        CREATE INDEX ix_ai_reviews_reviewer ON ai_reviews (reviewer_code, llm_response_id);
        """,
        """
        -- Reviewer names of a database made by the original tool, mapped to the reviewer accounts made for them by
        -- portal import-legacy, so that importing again (or another copy) reuses the same codes.
        CREATE TABLE legacy_reviewers (
            legacy_name   TEXT PRIMARY KEY,
            reviewer_code TEXT NOT NULL REFERENCES reviewers (code)
        );
        """,
        """
        -- "Can't judge": a reviewer's word that they cannot score an item. Kept apart from scores: it is no review,
        -- never counts toward an item's three, is in no export of scores, and that reviewer is not offered the item again.
        CREATE TABLE cannot_judge (
            id              INTEGER PRIMARY KEY,
            llm_response_id INTEGER NOT NULL REFERENCES llm_responses (id),
            reviewer_code   TEXT    NOT NULL REFERENCES reviewers (code),
            notes           TEXT,
            submission_id   TEXT    NOT NULL UNIQUE,
            created_at      TEXT    NOT NULL,
            UNIQUE (reviewer_code, llm_response_id)
        );
        CREATE INDEX ix_cannot_judge_item ON cannot_judge (llm_response_id);
        """,
        $"""
        -- Every dataset carries its scale: the anchors of its slider (what the lowest, middle and highest score mean),
        -- its score range, its title, and where the scale came from (aita, or the scenario whose judge axis it is).
        -- Stores made before have only the datasets 'scenario' (the rent dilemma: rent-v1's axis) and 'aita'.
        CREATE TABLE datasets (
            name           TEXT PRIMARY KEY,
            title          TEXT NOT NULL,
            scale_source   TEXT NOT NULL,
            negative_label TEXT NOT NULL,
            neutral_label  TEXT NOT NULL,
            positive_label TEXT NOT NULL,
            score_min      REAL NOT NULL DEFAULT -1,
            score_max      REAL NOT NULL DEFAULT 1,
            created_at     TEXT NOT NULL,
            CHECK (score_min < score_max)
        );
        {DatasetsBackfill.Statement}
        """,
        """
        -- A dataset's running counts split over slots (an item's slot is its id modulo 32), one row per slot: a dataset's
        -- counts are the sums over its slots. Every submission changes its dataset's counts, and where reviewers' writes
        -- run beside each other (PostgreSQL) one row per dataset made them wait for each other's commit; now only
        -- submissions whose items share a slot do. A slot holds changes rather than counts of its own items (the counts
        -- before this migration are all in slot 0), so one slot's value may be below zero; the sums are exact.
        CREATE TABLE dataset_count_slots (
            dataset TEXT    NOT NULL,
            slot    INTEGER NOT NULL,
            items   INTEGER NOT NULL DEFAULT 0,
            reviews INTEGER NOT NULL DEFAULT 0,
            items_1 INTEGER NOT NULL DEFAULT 0,
            items_2 INTEGER NOT NULL DEFAULT 0,
            items_3 INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (dataset, slot)
        );
        INSERT INTO dataset_count_slots (dataset, slot, items, reviews, items_1, items_2, items_3)
        SELECT dataset, 0, items, reviews, items_1, items_2, items_3 FROM dataset_counts;
        DROP TRIGGER tr_llm_responses_counted;
        DROP TRIGGER tr_llm_responses_reviewed;
        DROP TABLE dataset_counts;
        CREATE TRIGGER tr_llm_responses_counted AFTER INSERT ON llm_responses BEGIN
            INSERT INTO dataset_count_slots (dataset, slot, items) VALUES (NEW.dataset, NEW.id % 32, 1)
            ON CONFLICT (dataset, slot) DO UPDATE SET items = items + 1;
        END;
        CREATE TRIGGER tr_llm_responses_reviewed AFTER UPDATE OF review_count ON llm_responses
        WHEN NEW.review_count <> OLD.review_count BEGIN
            INSERT INTO dataset_count_slots (dataset, slot, reviews, items_1, items_2, items_3)
            VALUES (NEW.dataset, NEW.id % 32,
                    NEW.review_count - OLD.review_count,
                    (NEW.review_count = 1) - (OLD.review_count = 1),
                    (NEW.review_count = 2) - (OLD.review_count = 2),
                    (NEW.review_count >= 3) - (OLD.review_count >= 3))
            ON CONFLICT (dataset, slot) DO UPDATE SET
                reviews = reviews + excluded.reviews,
                items_1 = items_1 + excluded.items_1,
                items_2 = items_2 + excluded.items_2,
                items_3 = items_3 + excluded.items_3;
        END;

        -- A reviewer's last submission (the saved confirmation after every save, and undo) is read newest first.
        CREATE INDEX ix_reviews_reviewer_created ON reviews (reviewer_code, created_at, id);
        CREATE INDEX ix_cannot_judge_reviewer_created ON cannot_judge (reviewer_code, created_at, id);
        """,
        """
        -- Version 8 adds PostgreSQL's server-side functions for next item and submit (PostgresReviewFunctions); the
        -- tables are unchanged, and SQLite runs those steps as statements of its own (ReviewAssigner).
        SELECT 1;
        """,
    ];
}
