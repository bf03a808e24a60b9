-- Requests for assistance (DPA art. 7.4, 7.1) as the lists and the scheduler need them, from dpa.audits (the summary
-- each assistance request event publishes). Rebuildable like every read model.
CREATE TABLE assistance_requests (
    request_id       text        PRIMARY KEY,
    stream_version   bigint      NOT NULL,
    agreement_id     text        NOT NULL,
    controller_org   char(10)    NOT NULL,
    processor_org    char(10)    NOT NULL,
    kind             text        NOT NULL,
    processing       text        NOT NULL,
    status           text        NOT NULL,
    due_date         date        NOT NULL,
    time_zone        text        NOT NULL,
    marked_overdue   boolean     NOT NULL,
    cost_basis       text,
    requested_at     timestamptz NOT NULL,
    closed_at        timestamptz,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX assistance_requests_controller ON assistance_requests (controller_org, requested_at);
CREATE INDEX assistance_requests_processor ON assistance_requests (processor_org, requested_at);
CREATE INDEX assistance_requests_open ON assistance_requests (due_date) WHERE status = 'OPEN' AND NOT marked_overdue;
