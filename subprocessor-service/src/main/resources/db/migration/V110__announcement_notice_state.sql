-- A processor-wide announcement's notice list filtered by state (GET /subprocessor-announcements/{id}/notices?status=)
-- at 10,000 notices (issue 19): the state is kept on the work list row instead of computed by joining every row to the
-- change list, so a filtered page is an index range. WAITING until the notice is issued, REFUSED, ISSUED once it exists,
-- then its change's status as the change list projection applies it (ChangesProjection).
ALTER TABLE announcement_targets ADD COLUMN state text NOT NULL DEFAULT 'WAITING';

UPDATE announcement_targets t SET state = CASE WHEN t.outcome IS NULL THEN 'WAITING' WHEN t.outcome = 'REFUSED' THEN 'REFUSED'
    ELSE coalesce((SELECT c.status FROM changes c WHERE c.change_id = t.change_id), 'ISSUED') END;

CREATE INDEX announcement_targets_by_state ON announcement_targets (announcement_id, state, seq);
