-- Read models of agreement-service, fed from Kafka by the projection runner.

-- GET /agreements: one row per agreement, scoped by either party's organisation.
CREATE TABLE agreement_list (
    agreement_id       text        PRIMARY KEY,
    stream_version     bigint      NOT NULL,
    status             text        NOT NULL,
    controller_org     char(10)    NOT NULL,
    controller_name    text        NOT NULL,
    processor_org      char(10)    NOT NULL,
    processor_name     text        NOT NULL,
    assignment         text,
    highest_class      int,
    supervisory_authority text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX agreement_list_controller ON agreement_list (controller_org, status, created_at);
CREATE INDEX agreement_list_processor ON agreement_list (processor_org, status, created_at);

-- Termination rights granted by subprocessor-service (art. 6.2), consulted before a
-- SUBPROCESSOR_OBJECTION termination.
CREATE TABLE subprocessor_termination_rights (
    agreement_id text        NOT NULL,
    grant_event  uuid        NOT NULL,
    granted_at   timestamptz NOT NULL,
    details      jsonb       NOT NULL,
    PRIMARY KEY (agreement_id, grant_event)
);
