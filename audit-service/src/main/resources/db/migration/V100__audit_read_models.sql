-- Read models and settings of audit-service.

-- What this service knows of each agreement (from dpa.agreements): parties, status, time zone.
CREATE TABLE agreements (
    agreement_id     text        PRIMARY KEY,
    stream_version   bigint      NOT NULL,
    status           text        NOT NULL,
    controller_org   char(10)    NOT NULL,
    controller_name  text        NOT NULL,
    processor_org    char(10)    NOT NULL,
    processor_name   text        NOT NULL,
    time_zone        text        NOT NULL,
    updated_at       timestamptz NOT NULL
);

-- An organisation's working calendar (DOMAIN.md "Calendar"): closing days beyond the Belgian public
-- holidays, and office hours. Set by the organisation itself; the processor's applies to its audits.
CREATE TABLE organisation_calendars (
    organisation        char(10)    PRIMARY KEY,
    flemish_public_body boolean     NOT NULL,
    closing_days        jsonb       NOT NULL,
    office_start        time        NOT NULL,
    office_end          time        NOT NULL,
    updated_by          text        NOT NULL,
    updated_at          timestamptz NOT NULL
);

-- Audits as the lists and the scheduler need them (from dpa.audits), version-guarded.
CREATE TABLE audit_list (
    audit_id         text        PRIMARY KEY,
    stream_version   bigint      NOT NULL,
    agreement_id     text        NOT NULL,
    controller_org   char(10)    NOT NULL,
    processor_org    char(10)    NOT NULL,
    auditor_org      char(10),
    status           text        NOT NULL,
    start_at         timestamptz NOT NULL,
    end_at           timestamptz NOT NULL,
    scope            text        NOT NULL,
    plan_due_at      timestamptz,
    plan_owed        boolean     NOT NULL,
    next_measure_due date,
    cost_borne_by    text,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX audit_list_controller ON audit_list (controller_org, start_at);
CREATE INDEX audit_list_processor ON audit_list (processor_org, start_at);
CREATE INDEX audit_list_auditor ON audit_list (auditor_org, start_at);

-- Information requests (art. 9.2), version-guarded.
CREATE TABLE information_requests (
    request_id       text        PRIMARY KEY,
    stream_version   bigint      NOT NULL,
    agreement_id     text        NOT NULL,
    controller_org   char(10)    NOT NULL,
    processor_org    char(10)    NOT NULL,
    question         text        NOT NULL,
    due_date         date,
    time_zone        text        NOT NULL,
    status           text        NOT NULL,
    asked_at         timestamptz NOT NULL,
    answered_at      timestamptz,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX information_requests_controller ON information_requests (controller_org, asked_at);
CREATE INDEX information_requests_processor ON information_requests (processor_org, asked_at);
