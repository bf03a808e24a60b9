-- Read models and webhook state of subprocessor-service. The read models are fed from Kafka by the
-- projection runner; webhook subscriptions and deliveries are this service's own operational state.

-- What this service knows of each agreement (from dpa.agreements): parties, status, settings and the
-- annex-1 sub-processors. Commands are authorised and checked against it.
CREATE TABLE agreements (
    agreement_id        text        PRIMARY KEY,
    stream_version      bigint      NOT NULL,
    status              text        NOT NULL,
    controller_org      char(10)    NOT NULL,
    controller_name     text        NOT NULL,
    processor_org       char(10)    NOT NULL,
    processor_name      text        NOT NULL,
    objection_days      int         NOT NULL,
    time_zone           text        NOT NULL,
    annex_subprocessors jsonb       NOT NULL,
    activated_at        timestamptz,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX agreements_controller ON agreements (controller_org);
CREATE INDEX agreements_processor ON agreements (processor_org);

-- The registry per agreement (art. 6.5): every sub-processor ever accepted, removed ones kept.
-- entry_id: 'baseline:<lower name>' for annex 1, otherwise the id of the change that brought it in.
CREATE TABLE registry_entries (
    agreement_id        text        NOT NULL,
    entry_id            text        NOT NULL,
    name                text        NOT NULL,
    name_key            text        NOT NULL,
    head_office         text,
    country             char(2)     NOT NULL,
    transfer_mechanism  text,
    basis               text        NOT NULL,
    accepted_since      timestamptz NOT NULL,
    change_id           text,
    removed_at          timestamptz,
    removed_by_change   text,
    -- Proof of flow-down (art. 6.4): the processor's contract with this sub-processor, and requests for it.
    proof_reference     text,
    proof_sha256        char(64),
    proof_attached_at   timestamptz,
    proof_requested_at  timestamptz,
    PRIMARY KEY (agreement_id, entry_id)
);
CREATE UNIQUE INDEX registry_one_active_per_name ON registry_entries (agreement_id, name_key) WHERE removed_at IS NULL;

-- Changes as the scheduler and the lists need them (from dpa.subprocessors), guarded by stream version.
CREATE TABLE changes (
    change_id              text        PRIMARY KEY,
    stream_version         bigint      NOT NULL,
    agreement_id           text        NOT NULL,
    controller_org         char(10)    NOT NULL,
    processor_org          char(10)    NOT NULL,
    kind                   text        NOT NULL,
    subprocessor_name      text        NOT NULL,
    status                 text        NOT NULL,
    announced_at           timestamptz NOT NULL,
    intended_from          date        NOT NULL,
    time_zone              text        NOT NULL,
    window_ends_at         timestamptz,
    window_warned          boolean     NOT NULL,
    termination_right_from timestamptz,
    termination_warned     boolean     NOT NULL,
    termination_granted    boolean     NOT NULL,
    updated_at             timestamptz NOT NULL
);
CREATE INDEX changes_agreement ON changes (agreement_id, announced_at);
CREATE INDEX changes_open ON changes (status) WHERE status IN ('ANNOUNCED', 'OBJECTED', 'ACCEPTED');

-- Webhook subscriptions (Standard Webhooks). The secret signs every delivery.
CREATE TABLE webhook_subscriptions (
    subscription_id  uuid        PRIMARY KEY,
    organisation     char(10)    NOT NULL,
    created_by       text        NOT NULL,
    url              text        NOT NULL,
    event_types      text[]      NOT NULL,
    secret           text        NOT NULL,
    created_at       timestamptz NOT NULL,
    deleted_at       timestamptz
);
CREATE INDEX webhook_subscriptions_org ON webhook_subscriptions (organisation) WHERE deleted_at IS NULL;

-- One row per (subscription, event): persisted before any attempt, so a restart loses nothing.
CREATE TABLE webhook_deliveries (
    delivery_id      uuid        PRIMARY KEY,
    subscription_id  uuid        NOT NULL REFERENCES webhook_subscriptions,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    agreement_id     text        NOT NULL,
    payload          text        NOT NULL,
    status           text        NOT NULL,
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
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
