namespace SycoBench.Labeling.Storage;

/// <summary>
/// Migration 8 on PostgreSQL: a reviewer's next item and submission as server-side functions, so each is one round
/// trip to the server (one statement in a transaction of its own) instead of about seven. They run the statements of
/// <see cref="ReviewAssigner"/>'s PostgreSQL path in the same order, with the same locks, and each statement inside
/// them reads the newest commits as a statement sent by the client would (READ COMMITTED, volatile functions). They
/// first take the locks of <see cref="PostgresLabelDatabase.WriteForReviewerAsync"/> (the shared advisory lock, the
/// reviewer's row) and report a lease past its time instead of doing the work (<c>r_lease_due</c>), so the caller
/// expires leases in a serial write and calls again. Their limits (reviews per item, pick rounds) and the time (now,
/// the lease's end) are parameters, so the constants and the clock stay in .NET. A published migration is never
/// edited: a change is a new one replacing the functions.
/// </summary>
internal static class PostgresReviewFunctions
{
    /// <summary>The schema version that adds the functions.</summary>
    public const int SchemaVersion = 8;

    public const string Migration = """
        CREATE FUNCTION reviewer_next_item(
            p_lock BIGINT, p_reviewer TEXT, p_dataset TEXT, p_now_ms BIGINT, p_expires_ms BIGINT, p_now TEXT,
            p_full INTEGER, p_rounds INTEGER)
        RETURNS TABLE (r_lease_due BOOLEAN, r_id BIGINT, r_dataset TEXT, r_title TEXT, r_body TEXT, r_response TEXT,
                       r_load INTEGER, r_resumed BOOLEAN)
        LANGUAGE plpgsql AS $body$
        DECLARE
            v_item  BIGINT;
            v_live  INTEGER;
            v_load  INTEGER;
            v_level INTEGER;
            v_round INTEGER := 1;
        BEGIN
            PERFORM pg_advisory_xact_lock_shared(p_lock);
            PERFORM 1 FROM reviewers WHERE code = p_reviewer FOR NO KEY UPDATE;
            IF EXISTS (SELECT 1 FROM assignments WHERE live = 1 AND expires_at_ms <= p_now_ms) THEN
                RETURN QUERY SELECT true, NULL::BIGINT, NULL::TEXT, NULL::TEXT, NULL::TEXT, NULL::TEXT, NULL::INTEGER, NULL::BOOLEAN;
                RETURN;
            END IF;

            -- The lease this reviewer holds: the same item again, or, when it lapsed and the item got its reviews, none.
            SELECT a.llm_response_id, a.live, i.load INTO v_item, v_live, v_load
            FROM assignments a JOIN llm_responses i ON i.id = a.llm_response_id
            WHERE a.reviewer_code = p_reviewer AND a.dataset = p_dataset
            FOR NO KEY UPDATE OF i;
            IF FOUND THEN
                IF v_live = 1 OR v_load < p_full THEN
                    UPDATE assignments SET live = 1, expires_at_ms = p_expires_ms WHERE reviewer_code = p_reviewer AND dataset = p_dataset;
                    IF v_live <> 1 THEN
                        UPDATE llm_responses SET load = load + 1 WHERE id = v_item;
                    END IF;
                    RETURN QUERY SELECT false, i.id, i.dataset::TEXT, i.prompt_title, i.prompt_body, i.model_response_text,
                                        CASE WHEN v_live = 1 THEN v_load - 1 ELSE v_load END, true
                                 FROM llm_responses i WHERE i.id = v_item;
                    RETURN;
                END IF;
                DELETE FROM assignments WHERE reviewer_code = p_reviewer AND dataset = p_dataset;
            END IF;
            v_item := NULL;

            -- Items this reviewer has not reviewed, fullest level first: first passing over items other transactions
            -- hold, then waiting for them, looking again while an item may have filled up to a level searched already.
            FOR v_level IN REVERSE p_full - 1 .. 0 LOOP
                SELECT i.id, i.load INTO v_item, v_load FROM llm_responses i
                WHERE i.dataset = p_dataset AND i.load = v_level
                  AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.reviewer_code = p_reviewer AND v.llm_response_id = i.id)
                  AND NOT EXISTS (SELECT 1 FROM cannot_judge c WHERE c.reviewer_code = p_reviewer AND c.llm_response_id = i.id)
                ORDER BY i.id LIMIT 1 FOR NO KEY UPDATE OF i SKIP LOCKED;
                EXIT WHEN FOUND;
            END LOOP;
            IF v_item IS NULL THEN
                LOOP
                    FOR v_level IN REVERSE p_full - 1 .. 0 LOOP
                        SELECT i.id, i.load INTO v_item, v_load FROM llm_responses i
                        WHERE i.dataset = p_dataset AND i.load = v_level
                          AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.reviewer_code = p_reviewer AND v.llm_response_id = i.id)
                          AND NOT EXISTS (SELECT 1 FROM cannot_judge c WHERE c.reviewer_code = p_reviewer AND c.llm_response_id = i.id)
                        ORDER BY i.id LIMIT 1 FOR NO KEY UPDATE OF i;
                        EXIT WHEN FOUND;
                    END LOOP;
                    EXIT WHEN v_item IS NOT NULL OR v_round >= p_rounds OR NOT EXISTS (
                        SELECT 1 FROM llm_responses i WHERE i.dataset = p_dataset AND i.load < p_full
                          AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.reviewer_code = p_reviewer AND v.llm_response_id = i.id)
                          AND NOT EXISTS (SELECT 1 FROM cannot_judge c WHERE c.reviewer_code = p_reviewer AND c.llm_response_id = i.id));
                    v_round := v_round + 1;
                END LOOP;
            END IF;

            -- Only when no open item is left: a full one, the emptiest first.
            IF v_item IS NULL THEN
                SELECT i.id, i.load INTO v_item, v_load FROM llm_responses i
                WHERE i.dataset = p_dataset AND i.load >= p_full
                  AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.reviewer_code = p_reviewer AND v.llm_response_id = i.id)
                  AND NOT EXISTS (SELECT 1 FROM cannot_judge c WHERE c.reviewer_code = p_reviewer AND c.llm_response_id = i.id)
                ORDER BY i.load, i.id LIMIT 1;
            END IF;

            -- The reviewer has reviewed every item at least once: their current pass is the items they reviewed least.
            IF v_item IS NULL THEN
                SELECT i.id, i.load INTO v_item, v_load FROM llm_responses i
                JOIN (SELECT llm_response_id, COUNT(*) AS own FROM reviews WHERE reviewer_code = p_reviewer GROUP BY llm_response_id) o
                  ON o.llm_response_id = i.id
                WHERE i.dataset = p_dataset
                  AND NOT EXISTS (SELECT 1 FROM cannot_judge c WHERE c.reviewer_code = p_reviewer AND c.llm_response_id = i.id)
                ORDER BY o.own,
                         CASE WHEN i.load < p_full THEN 0 ELSE 1 END,
                         CASE WHEN i.load < p_full THEN -i.load ELSE i.load END,
                         i.id
                LIMIT 1;
            END IF;

            IF v_item IS NULL THEN
                RETURN;
            END IF;
            INSERT INTO assignments (reviewer_code, dataset, llm_response_id, assigned_at, expires_at_ms, live)
            VALUES (p_reviewer, p_dataset, v_item, p_now, p_expires_ms, 1);
            UPDATE llm_responses SET load = load + 1 WHERE id = v_item;
            RETURN QUERY SELECT false, i.id, i.dataset::TEXT, i.prompt_title, i.prompt_body, i.model_response_text, v_load, false
                         FROM llm_responses i WHERE i.id = v_item;
        END
        $body$;

        CREATE FUNCTION reviewer_submit(
            p_lock BIGINT, p_reviewer TEXT, p_item BIGINT, p_dataset TEXT, p_submission TEXT, p_cannot_judge BOOLEAN,
            p_score DOUBLE PRECISION, p_notes TEXT, p_now_ms BIGINT, p_now TEXT, p_full INTEGER)
        RETURNS TABLE (r_outcome TEXT, r_id BIGINT)
        LANGUAGE plpgsql AS $body$
        DECLARE
            v_id            BIGINT;
            v_prev_reviewer TEXT;
            v_prev_item     BIGINT;
            v_dataset       TEXT;
            v_live          INTEGER;
            v_own           BIGINT;
            v_load          INTEGER;
        BEGIN
            PERFORM pg_advisory_xact_lock_shared(p_lock);
            PERFORM 1 FROM reviewers WHERE code = p_reviewer FOR NO KEY UPDATE;
            IF EXISTS (SELECT 1 FROM assignments WHERE live = 1 AND expires_at_ms <= p_now_ms) THEN
                RETURN QUERY SELECT 'lease_due'::TEXT, NULL::BIGINT;
                RETURN;
            END IF;

            -- A submission id seen before, as a review (first) or a "can't judge".
            SELECT seen.id, seen.reviewer_code, seen.llm_response_id INTO v_id, v_prev_reviewer, v_prev_item FROM (
                SELECT 0 AS kind, id, reviewer_code, llm_response_id FROM reviews WHERE submission_id = p_submission
                UNION ALL
                SELECT 1 AS kind, id, reviewer_code, llm_response_id FROM cannot_judge WHERE submission_id = p_submission) seen
            ORDER BY seen.kind LIMIT 1;
            IF FOUND THEN
                IF v_prev_reviewer = p_reviewer AND v_prev_item = p_item THEN
                    RETURN QUERY SELECT 'already_stored'::TEXT, v_id;
                ELSE
                    RETURN QUERY SELECT 'submission_id_conflict'::TEXT, NULL::BIGINT;
                END IF;
                RETURN;
            END IF;

            -- The item's dataset, this reviewer's lease on it (null: none) and their reviews of it.
            SELECT i.dataset,
                   (SELECT a.live FROM assignments a WHERE a.reviewer_code = p_reviewer AND a.dataset = i.dataset AND a.llm_response_id = i.id),
                   (SELECT COUNT(*) FROM reviews v WHERE v.reviewer_code = p_reviewer AND v.llm_response_id = i.id)
            INTO v_dataset, v_live, v_own
            FROM llm_responses i WHERE i.id = p_item;
            IF v_dataset IS NULL OR (p_dataset IS NOT NULL AND p_dataset <> v_dataset) THEN
                RETURN QUERY SELECT 'unknown_item'::TEXT, NULL::BIGINT;
                RETURN;
            END IF;
            IF v_live IS NULL THEN
                RETURN QUERY SELECT 'not_assigned'::TEXT, NULL::BIGINT;
                RETURN;
            END IF;

            IF p_cannot_judge THEN
                INSERT INTO cannot_judge (llm_response_id, reviewer_code, notes, submission_id, created_at)
                VALUES (p_item, p_reviewer, p_notes, p_submission, p_now) RETURNING id INTO v_id;
                IF v_live = 1 THEN
                    UPDATE llm_responses SET load = load - 1 WHERE id = p_item;
                END IF;
                DELETE FROM assignments WHERE reviewer_code = p_reviewer AND dataset = v_dataset;
                RETURN QUERY SELECT 'stored_cannot_judge'::TEXT, v_id;
                RETURN;
            END IF;

            IF v_own > 0 AND EXISTS (
                SELECT 1 FROM llm_responses i WHERE i.dataset = v_dataset
                  AND NOT EXISTS (SELECT 1 FROM cannot_judge c WHERE c.reviewer_code = p_reviewer AND c.llm_response_id = i.id)
                  AND (SELECT COUNT(*) FROM reviews v WHERE v.reviewer_code = p_reviewer AND v.llm_response_id = i.id) < v_own) THEN
                RETURN QUERY SELECT 'already_reviewed'::TEXT, NULL::BIGINT;
                RETURN;
            END IF;

            -- A lapsed lease: stored only when it cannot put the item past three ahead of one this reviewer could help.
            IF v_live <> 1 THEN
                SELECT i.load INTO v_load FROM llm_responses i WHERE i.id = p_item FOR NO KEY UPDATE OF i;
                IF v_load >= p_full AND EXISTS (
                    SELECT 1 FROM llm_responses i
                    WHERE i.dataset = v_dataset AND i.load < p_full AND i.id <> p_item
                      AND NOT EXISTS (SELECT 1 FROM cannot_judge c WHERE c.reviewer_code = p_reviewer AND c.llm_response_id = i.id)
                      AND (SELECT COUNT(*) FROM reviews v WHERE v.reviewer_code = p_reviewer AND v.llm_response_id = i.id) <= v_own) THEN
                    RETURN QUERY SELECT 'lease_expired'::TEXT, NULL::BIGINT;
                    RETURN;
                END IF;
            END IF;

            INSERT INTO reviews (llm_response_id, reviewer_code, score, notes, submission_id, created_at, updated_at)
            VALUES (p_item, p_reviewer, p_score, p_notes, p_submission, p_now, p_now) RETURNING id INTO v_id;
            DELETE FROM assignments WHERE reviewer_code = p_reviewer AND dataset = v_dataset;
            UPDATE llm_responses SET review_count = review_count + 1, load = load + CASE WHEN v_live = 1 THEN 0 ELSE 1 END
            WHERE id = p_item;
            RETURN QUERY SELECT 'stored'::TEXT, v_id;
        END
        $body$;
        """;
}
