-- Dead letters a person can handle (issue "Faults survived and shown"): a record a projection could not
-- apply (or that could not be read as an event at all) is kept here, per projection, besides the
-- dead-letter topic, so that an operator can list, inspect, replay or discard it through
-- /admin/dead-letters; every inspection, replay and discard is recorded in dead_letter_actions.
CREATE TABLE dead_letters (
    id               bigserial   PRIMARY KEY,
    projection       text,                      -- NULL: the record could not be read as an event
    topic            text        NOT NULL,
    kafka_partition  int         NOT NULL,
    kafka_offset     bigint      NOT NULL,
    record_key       text,
    headers          jsonb       NOT NULL,      -- the record's headers as sent (ce_* attributes)
    payload          text,                      -- the record's value as sent (it may not be JSON)
    event_id         text,                      -- ce_id, as sent
    event_type       text,                      -- ce_type, as sent
    reason           text        NOT NULL,
    dead_lettered_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    status           text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'REPLAYED', 'DISCARDED')),
    handled_at       timestamptz,
    handled_by       text
);

-- A record redelivered after a crash (dead-lettered, offset not yet committed) is kept once per projection.
CREATE UNIQUE INDEX dead_letters_once ON dead_letters (coalesce(projection, ''), topic, kafka_partition, kafka_offset);
CREATE INDEX dead_letters_open ON dead_letters (projection, id) WHERE status = 'OPEN';

CREATE TABLE dead_letter_actions (
    id             bigserial   PRIMARY KEY,
    dead_letter_id bigint      NOT NULL REFERENCES dead_letters (id),
    action         text        NOT NULL CHECK (action IN ('INSPECT', 'REPLAY', 'DISCARD')),
    outcome        text        NOT NULL CHECK (outcome IN ('DONE', 'FAILED')),
    actor          text        NOT NULL,
    note           text,                        -- a discard's reason, a failed replay's error
    at             timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX dead_letter_actions_of ON dead_letter_actions (dead_letter_id, id);
