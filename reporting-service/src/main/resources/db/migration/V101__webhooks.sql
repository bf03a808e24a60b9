-- Webhook subscriptions to every topic's events (the kernel's platform/webhooks; the same tables as subprocessor-
-- service's, which offers its own topic's). Operational state, not evidence: the deliveries are copies of topic events.
CREATE TABLE webhook_subscriptions (
    subscription_id         uuid        PRIMARY KEY,
    organisation            char(10)    NOT NULL,
    -- the roles it was made in (controller, processor): it receives the events of agreements its organisation is
    -- party to in that role, and only a caller of that organisation in that role manages it
    party_roles             text[]      NOT NULL,
    created_by              text        NOT NULL,
    url                     text        NOT NULL,
    -- event types and patterns ('*', 'eu.dpaledger.breach.*'): platform/webhooks/WebhookPatterns
    event_types             text[]      NOT NULL,
    -- the signing secret sealed (AES-256-GCM, WebhookSecrets) and the id of the key that sealed it
    secret                  text        NOT NULL,
    secret_key_id           text,
    -- after a rotation the previous secret signs beside the new one until previous_valid_until
    previous_secret         text,
    previous_secret_key_id  text,
    previous_valid_until    timestamptz,
    -- when the receiver's current run of failures began; disabled after dpa.webhooks.disable-after of them
    failing_since           timestamptz,
    disabled_at             timestamptz,
    disabled_reason         text,
    created_at              timestamptz NOT NULL,
    -- the first instant of the events queued for it: created_at, and the instant it was enabled again after being
    -- disabled (the disabled time's events are not queued, not even by a rebuild of the fan-out)
    events_from             timestamptz NOT NULL,
    deleted_at              timestamptz
);
CREATE INDEX webhook_subscriptions_org ON webhook_subscriptions (organisation) WHERE deleted_at IS NULL;

-- One row per (subscription, event): persisted in the fan-out's transaction, before any attempt.
CREATE TABLE webhook_deliveries (
    delivery_id      uuid        PRIMARY KEY,
    subscription_id  uuid        NOT NULL REFERENCES webhook_subscriptions,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    agreement_id     text,
    payload          text        NOT NULL,
    status           text        NOT NULL,
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    -- when the dispatcher claimed it for an attempt (null once recorded): no manual redelivery meanwhile
    claimed_at       timestamptz,
    -- when a ping or a manual redelivery asked for it: a disabled subscription gets only those asked after disabling
    requested_at     timestamptz,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';

-- The delivery log: every attempt with its outcome.
CREATE TABLE webhook_attempts (
    delivery_id  uuid        NOT NULL REFERENCES webhook_deliveries,
    attempt      int         NOT NULL,
    attempted_at timestamptz NOT NULL,
    status_code  int,
    error        text,
    duration_ms  int         NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
