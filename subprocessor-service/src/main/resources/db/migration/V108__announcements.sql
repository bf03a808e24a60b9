-- Processor-wide sub-processor announcements (issue 19): the fan-out's work list, one row per agreement the
-- announcement goes to, written in the announcement's own transaction (AnnouncementBinding). A row is done once its
-- notice exists (outcome CREATED, set in the notice's transaction by ChangeBinding) or the notice was refused (REFUSED,
-- with the problem type and detail). claimed_until leases a row to one fan-out pass (several instances share the list).
-- One row per announcement, written with its AnnouncementMade and completed with its AnnouncementCompleted (both in the
-- event's own transaction): the processor's list, and the fan-out's way to find an announcement whose last batch was
-- issued but whose completion was not recorded yet (a crash in between).
CREATE TABLE announcements (
    announcement_id   text        PRIMARY KEY,
    processor_org     char(10)    NOT NULL,
    kind              text        NOT NULL,
    subprocessor_name text        NOT NULL,
    intended_from     date        NOT NULL,
    agreement_count   integer     NOT NULL,
    announced_at      timestamptz NOT NULL,
    completed_at      timestamptz
);
CREATE INDEX announcements_by_processor ON announcements (processor_org, announced_at DESC, announcement_id DESC);
CREATE INDEX announcements_running ON announcements (announced_at) WHERE completed_at IS NULL;

CREATE TABLE announcement_targets (
    announcement_id  text        NOT NULL,
    seq              integer     NOT NULL,
    agreement_id     text        NOT NULL,
    controller_org   text        NOT NULL,
    queued_at        timestamptz NOT NULL,
    outcome          text CHECK (outcome IN ('CREATED', 'REFUSED')),
    change_id        text,
    refusal_type     text,
    refusal_detail   text,
    claimed_until    timestamptz,
    PRIMARY KEY (announcement_id, seq),
    UNIQUE (announcement_id, agreement_id)
);

-- What the fan-out still has to do, oldest announcement first.
CREATE INDEX announcement_targets_waiting ON announcement_targets (queued_at, announcement_id, seq) WHERE outcome IS NULL;

-- An announcement's events go to its processor's webhook subscriptions; they belong to no one agreement.
ALTER TABLE webhook_deliveries ALTER COLUMN agreement_id DROP NOT NULL;
