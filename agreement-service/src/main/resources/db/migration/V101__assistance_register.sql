-- Instructions, authority disclosure requests and data subject requests (art. 2.2, 2.3, 7.2): one list
-- row each, fed from dpa.agreements, version-guarded. controller_visible is false for a disclosure
-- request under a gag (the controller sees nothing until it is lifted) and for a data subject request
-- not yet forwarded.
CREATE TABLE assistance_items (
    item_id            text        PRIMARY KEY,
    kind               text        NOT NULL,
    stream_version     bigint      NOT NULL,
    agreement_id       text        NOT NULL,
    controller_org     char(10)    NOT NULL,
    processor_org      char(10)    NOT NULL,
    status             text        NOT NULL,
    open               boolean     NOT NULL,
    controller_visible boolean     NOT NULL,
    title              text        NOT NULL,
    due_at             timestamptz,
    answer_due_on      date,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX assistance_items_controller ON assistance_items (controller_org, kind, updated_at);
CREATE INDEX assistance_items_processor ON assistance_items (processor_org, kind, updated_at);
