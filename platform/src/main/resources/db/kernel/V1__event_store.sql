-- dpa-ledger kernel schema: event store (append-only, hash-chained), transactional outbox,
-- idempotency records, and the projection runner's bookkeeping. Services add their own
-- tables from version 100 on.

CREATE TABLE events (
    global_position bigserial PRIMARY KEY,           -- display order only; never used as a cursor
    event_id        uuid        NOT NULL UNIQUE,
    stream_id       text        NOT NULL,
    stream_type     text        NOT NULL,
    version         bigint      NOT NULL CHECK (version > 0),
    event_type      text        NOT NULL,
    schema_version  int         NOT NULL,
    payload         jsonb       NOT NULL,
    metadata        jsonb       NOT NULL,
    occurred_at     timestamptz NOT NULL,
    previous_hash   char(64)    NOT NULL,
    hash            char(64)    NOT NULL,
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
);

-- Stored events are evidence: the database itself refuses to change or remove them.
CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only: % refused on event store', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();

-- Rows are deleted only after the broker acknowledged them (delete-after-publish), so a row
-- whose transaction commits late is never skipped: the relay publishes whatever is present.
CREATE TABLE outbox (
    id           bigserial   PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    message_key  text        NOT NULL,
    ce_type      text        NOT NULL,
    ce_subject   text        NOT NULL,
    ce_time      timestamptz NOT NULL,
    data         jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('dpa_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

CREATE TABLE idempotency_keys (
    principal       text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    char(64)    NOT NULL,
    status          int         NOT NULL,
    body            text,
    headers         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, idempotency_key)
);

CREATE TABLE projection_applied_events (
    projection text        NOT NULL,
    event_id   uuid        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (projection, event_id)
);
