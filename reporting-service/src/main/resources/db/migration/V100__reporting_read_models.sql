-- reporting-service's read models. Every table is fed from the four topics by the kernel's projection runner
-- (version-guarded upserts, applied-event bookkeeping) and can be rebuilt from them; Hibernate Reactive only reads
-- them (except organisation_settings and feed_tokens, the service's own settings, and daily_snapshots).

-- Every legal obligation across the services: one row per (source stream, kind); docs/DOMAIN.md "Obligations".
CREATE TABLE obligations (
    obligation_id      TEXT PRIMARY KEY,           -- '<sourceId>:<kind>'
    kind               TEXT NOT NULL,              -- ObligationKind
    source_type        TEXT NOT NULL,              -- the owning stream type: agreement, subprocessorchange, breach, audit, ...
    source_id          TEXT NOT NULL,
    source_version     BIGINT NOT NULL,            -- the source stream's version this row reflects (guard)
    agreement_id       TEXT NOT NULL,
    controller_org     TEXT NOT NULL,
    controller_name    TEXT,
    processor_org      TEXT NOT NULL,
    processor_name     TEXT,
    auditor_org        TEXT,                       -- audits only: the appointed firm, which sees them too
    acting_party       TEXT NOT NULL,              -- CONTROLLER or PROCESSOR
    due_at             TIMESTAMPTZ NOT NULL,
    time_zone          TEXT NOT NULL,              -- the agreement's zone, for the local due time
    article            TEXT NOT NULL,              -- source of the clock, e.g. 'GDPR art. 33(1)'
    title              TEXT NOT NULL,              -- what it is about (a breach's description, a sub-processor's name)
    met_at             TIMESTAMPTZ,                -- when it was met; NULL while open
    cancelled_at       TIMESTAMPTZ,                -- the ground went (audit cancelled, change withdrawn): no longer listed
    controller_visible BOOLEAN NOT NULL DEFAULT TRUE, -- FALSE while the controller may not know (a gagged disclosure request)
    service            TEXT NOT NULL,              -- the owning service (agreement, subprocessor, breach, audit)
    resource_path      TEXT NOT NULL,              -- the resource's path in the owning service
    updated_at         TIMESTAMPTZ NOT NULL
);
-- The lists: by party, open before met, then by due instant (keyset paging on (met, due_at, obligation_id)).
CREATE INDEX obligations_controller ON obligations (controller_org, (met_at IS NOT NULL), due_at, obligation_id) WHERE cancelled_at IS NULL;
CREATE INDEX obligations_processor ON obligations (processor_org, (met_at IS NOT NULL), due_at, obligation_id) WHERE cancelled_at IS NULL;
CREATE INDEX obligations_auditor ON obligations (auditor_org, (met_at IS NOT NULL), due_at, obligation_id) WHERE auditor_org IS NOT NULL AND cancelled_at IS NULL;
CREATE INDEX obligations_agreement ON obligations (agreement_id);

-- The agreement portfolio: one row per agreement, from dpa.agreements.
CREATE TABLE portfolio (
    agreement_id         TEXT PRIMARY KEY,
    stream_version       BIGINT NOT NULL,
    controller_org       TEXT NOT NULL,
    controller_name      TEXT,
    processor_org        TEXT NOT NULL,
    processor_name       TEXT,
    status               TEXT NOT NULL,            -- DRAFT, SIGNING, ACTIVE, TERMINATED, CLOSED
    assignment           TEXT,
    time_zone            TEXT NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    signed_at            TIMESTAMPTZ,              -- in force: both signatures (AgreementActivated)
    terminated_at        TIMESTAMPTZ,              -- the termination's effectiveAt
    closed_at            TIMESTAMPTZ,
    pending_addendum     TEXT,                     -- the title of the addendum awaiting signatures, if any
    processing_countries TEXT[] NOT NULL DEFAULT '{}',
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX portfolio_controller ON portfolio (controller_org, created_at DESC, agreement_id);
CREATE INDEX portfolio_processor ON portfolio (processor_org, created_at DESC, agreement_id);

-- Sub-processors in effect per agreement: the annex-1 baseline, then the changes that took effect (DPA art. 6.1).
CREATE TABLE subprocessor_exposure (
    agreement_id       TEXT NOT NULL,
    name_key           TEXT NOT NULL,              -- the name as subprocessor-service compares it: trimmed, spaces collapsed, lower case
    name               TEXT NOT NULL,
    country            TEXT,
    head_office        TEXT,
    transfer_mechanism TEXT,                       -- platform.domain.TransferMechanism
    third_country      BOOLEAN NOT NULL,           -- outside the EEA (GDPR chapter V)
    basis              TEXT NOT NULL,              -- BASELINE or the change's acceptance basis
    change_id          TEXT,                       -- the change that put it in effect, if any
    since              TIMESTAMPTZ,
    removed_at         TIMESTAMPTZ,                -- replaced or removed by a change in effect
    removed_by_change  TEXT,                       -- the change that replaced or removed it
    PRIMARY KEY (agreement_id, name_key)
);
CREATE INDEX subprocessor_exposure_in_effect ON subprocessor_exposure (name_key, agreement_id) WHERE removed_at IS NULL;

-- Breaches as breach-service publishes them, for the metrics (DPA art. 7.3, GDPR art. 33(1)).
CREATE TABLE breach_facts (
    breach_id             TEXT PRIMARY KEY,
    stream_version        BIGINT NOT NULL,
    agreement_id          TEXT NOT NULL,
    controller_org        TEXT NOT NULL,
    processor_org         TEXT NOT NULL,
    processor_name        TEXT,
    kind                  TEXT,                    -- BREACH or SERIOUS_ATTEMPT
    status                TEXT NOT NULL,
    risk                  TEXT,
    description           TEXT,
    processor_aware_at    TIMESTAMPTZ NOT NULL,
    received_at           TIMESTAMPTZ NOT NULL,
    report_due_at         TIMESTAMPTZ NOT NULL,
    late_by_seconds       BIGINT NOT NULL,
    controller_aware_at   TIMESTAMPTZ,
    notification_due_at   TIMESTAMPTZ,
    notification_open     BOOLEAN NOT NULL,
    notified_at           TIMESTAMPTZ,             -- the first authority notification
    notification_missed   BOOLEAN NOT NULL,
    time_zone             TEXT NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX breach_facts_controller ON breach_facts (controller_org, received_at);
CREATE INDEX breach_facts_processor ON breach_facts (processor_org, received_at);

-- Audits and their findings as audit-service publishes them (DPA art. 9).
CREATE TABLE audit_facts (
    audit_id         TEXT PRIMARY KEY,
    stream_version   BIGINT NOT NULL,
    agreement_id     TEXT NOT NULL,
    controller_org   TEXT NOT NULL,
    processor_org    TEXT NOT NULL,
    processor_name   TEXT,
    auditor_org      TEXT,
    status           TEXT NOT NULL,
    start_at         TIMESTAMPTZ,
    end_at           TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ,
    plan_due_at      TIMESTAMPTZ,
    plan_owed        BOOLEAN NOT NULL,
    next_measure_due DATE,
    time_zone        TEXT NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_facts_controller ON audit_facts (controller_org);
CREATE INDEX audit_facts_processor ON audit_facts (processor_org);
CREATE INDEX audit_facts_auditor ON audit_facts (auditor_org) WHERE auditor_org IS NOT NULL;

CREATE TABLE audit_findings (
    audit_id    TEXT NOT NULL,
    finding_id  TEXT NOT NULL,
    severity    TEXT NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    closed_at   TIMESTAMPTZ,                       -- the audit closed (its measures verified)
    PRIMARY KEY (audit_id, finding_id)
);

-- Daily figures per organisation, kept twelve months, for the trends.
CREATE TABLE daily_snapshots (
    organisation TEXT NOT NULL,
    day          DATE NOT NULL,
    figures      JSONB NOT NULL,
    taken_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organisation, day)
);

-- Each organisation's own setting for "due soon" (not event-sourced: a preference, not evidence).
CREATE TABLE organisation_settings (
    organisation          TEXT PRIMARY KEY,
    due_soon_days         INTEGER NOT NULL DEFAULT 7,
    breach_due_soon_hours INTEGER NOT NULL DEFAULT 12,
    updated_at            TIMESTAMPTZ NOT NULL
);

-- Personal, revocable tokens for the iCalendar feed: only the SHA-256 of the token is kept.
CREATE TABLE feed_tokens (
    token_id     UUID PRIMARY KEY,
    token_sha256 TEXT NOT NULL UNIQUE,
    organisation TEXT NOT NULL,
    subject      TEXT NOT NULL,
    roles        TEXT[] NOT NULL,
    label        TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);
CREATE INDEX feed_tokens_subject ON feed_tokens (organisation, subject);
