-- The processor's evidence register (DPA art. 4.1, 4.2, 5.2, 7.1) as the lists and the scheduler need it, from
-- dpa.audits (the summary each evidence event publishes). Rebuildable like every read model.
CREATE TABLE evidence_items (
    item_id          text        PRIMARY KEY,
    stream_version   bigint      NOT NULL,
    agreement_id     text        NOT NULL,
    controller_org   char(10)    NOT NULL,
    processor_org    char(10)    NOT NULL,
    kind             text        NOT NULL,
    title            text        NOT NULL,
    revision         int         NOT NULL,
    review           text        NOT NULL,
    expires_after    date,
    time_zone        text        NOT NULL,
    expiring         boolean     NOT NULL,   -- warned of (or marked expired) for its current date: renewal is due
    marked_expired   boolean     NOT NULL,
    recorded_at      timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX evidence_items_controller ON evidence_items (controller_org, agreement_id);
CREATE INDEX evidence_items_processor ON evidence_items (processor_org, agreement_id);
CREATE INDEX evidence_items_expiring ON evidence_items (expires_after) WHERE NOT marked_expired;
