-- The relay settles each outbox row on its own outcome (issue "Bad input cannot hurt"): a row that
-- failed transiently waits with a growing delay instead of failing the whole batch, and a row the
-- broker can never take (too large, invalid) is moved to outbox_parked so every row behind it flows.
ALTER TABLE outbox
    ADD COLUMN attempts        int         NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz,
    ADD COLUMN last_error      text;

-- Rows waiting for a retry hold back later rows of the same aggregate (per-key order): looked up by key.
CREATE INDEX outbox_waiting_by_key ON outbox (message_key, id) WHERE next_attempt_at IS NOT NULL;

CREATE TABLE outbox_parked (
    id          bigint      PRIMARY KEY,            -- the outbox row's id, so a requeued row keeps its place
    event_id    uuid        NOT NULL UNIQUE,
    message_key text        NOT NULL,
    ce_type     text        NOT NULL,
    ce_subject  text        NOT NULL,
    ce_time     timestamptz NOT NULL,
    data        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    attempts    int         NOT NULL,
    reason      text        NOT NULL,
    parked_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
