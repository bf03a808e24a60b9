-- DPA art. 6.2: a termination right lapses once its ground goes (objection withdrawn, change withdrawn, an
-- alternative that avoids the sub-processor accepted). Rights and lapses are keyed by the change whose objection
-- founded them; a right stands while no lapse of the same change is recorded, whichever arrived first.
ALTER TABLE subprocessor_termination_rights ADD COLUMN change_id text;
UPDATE subprocessor_termination_rights SET change_id = details ->> 'changeId';
ALTER TABLE subprocessor_termination_rights ALTER COLUMN change_id SET NOT NULL;

CREATE TABLE subprocessor_termination_right_lapses (
    agreement_id text        NOT NULL,
    change_id    text        NOT NULL,
    lapse_event  uuid        NOT NULL,
    lapsed_at    timestamptz NOT NULL,
    details      jsonb       NOT NULL,
    PRIMARY KEY (agreement_id, change_id)
);
