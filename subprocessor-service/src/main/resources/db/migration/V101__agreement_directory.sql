-- What this service knows of each agreement moves to the kernel's agreement directory (kernel V4), which the
-- kernel's projection keeps from dpa.agreements under the same projection name ("agreements") as this
-- service's own table had: its bookkeeping says these events were applied, so the rows are copied here.
-- Columns the old table did not have take their documented defaults (docs/DOMAIN.md "Settings"):
-- supervisory_authority 'GBA', destruction_confirmation_days 30. The agreement's next event on
-- dpa.agreements corrects them (the directory's upsert replaces the whole row).
INSERT INTO agreement_directory (agreement_id, stream_version, status, controller_org, controller_name, processor_org,
                                 processor_name, supervisory_authority, time_zone, objection_days,
                                 destruction_confirmation_days, annex_subprocessors, activated_at, updated_at)
SELECT agreement_id, stream_version, status, controller_org, controller_name, processor_org, processor_name, 'GBA',
       time_zone, objection_days, 30, annex_subprocessors, activated_at, updated_at
FROM agreements
ON CONFLICT (agreement_id) DO NOTHING;

DROP TABLE agreements;
