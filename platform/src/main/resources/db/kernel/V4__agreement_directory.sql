-- The agreement directory (docs/ARCHITECTURE.md "Agreement directory"): what every service other than
-- agreement-service knows of each agreement, fed from dpa.agreements by the kernel's projection
-- (AgreementPublished), one row per agreement, version-guarded. Services authorise commands and scope
-- their lists with it. agreement-service answers from its own aggregate and leaves this table empty.
CREATE TABLE agreement_directory (
    agreement_id                  text        PRIMARY KEY,
    stream_version                bigint      NOT NULL,
    status                        text        NOT NULL,
    controller_org                char(10)    NOT NULL,
    controller_name               text        NOT NULL,
    processor_org                 char(10)    NOT NULL,
    processor_name                text        NOT NULL,
    supervisory_authority         text        NOT NULL,
    time_zone                     text        NOT NULL,
    objection_days                int         NOT NULL,
    destruction_confirmation_days int         NOT NULL,
    annex_subprocessors           jsonb       NOT NULL DEFAULT '[]',
    activated_at                  timestamptz,
    updated_at                    timestamptz NOT NULL
);
CREATE INDEX agreement_directory_controller ON agreement_directory (controller_org);
CREATE INDEX agreement_directory_processor ON agreement_directory (processor_org);
