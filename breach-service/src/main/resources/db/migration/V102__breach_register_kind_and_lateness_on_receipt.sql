-- The register keeps what was reported (DPA art. 7.3): a breach, or a serious attempt the controller has not
-- assessed as a breach (no 72-hour clock runs for it); and how late the report was by the awareness it stated on
-- receipt, which a corrected awareness does not change. Rows written before take BREACH and their current lateness
-- (a rebuild from dpa.breaches gives the lateness on receipt from each BreachReported).
ALTER TABLE breach_register ADD COLUMN kind text NOT NULL DEFAULT 'BREACH';
ALTER TABLE breach_register ADD COLUMN late_by_seconds_on_receipt bigint;
UPDATE breach_register SET late_by_seconds_on_receipt = late_by_seconds;
ALTER TABLE breach_register ALTER COLUMN late_by_seconds_on_receipt SET NOT NULL;
