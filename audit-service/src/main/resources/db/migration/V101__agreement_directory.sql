-- audit-service's own copy of the agreements (V100 "agreements") gives way to the kernel's agreement directory
-- (kernel V4 "agreement_directory"), fed by the kernel's projection under the same name ("agreements"), so the
-- applied-event bookkeeping in projection_applied_events carries over and nothing is replayed twice.
--
-- The old table knew parties, names, status and time zone. The columns it did not have take their documented
-- defaults (docs/DOMAIN.md "Settings"): supervisory_authority 'GBA', objection_days 30,
-- destruction_confirmation_days 30, annex_subprocessors '[]'; activated_at stays unknown (NULL). The time zone is
-- copied as stored. The agreement's next event on dpa.agreements corrects every one of them (its version is
-- higher, so the directory's version-guarded upsert replaces the row); POST /admin/projections/agreements/rebuild
-- corrects them at once. audit-service reads none of the defaulted columns.
INSERT INTO agreement_directory (agreement_id, stream_version, status, controller_org, controller_name, processor_org,
                                 processor_name, supervisory_authority, time_zone, objection_days,
                                 destruction_confirmation_days, annex_subprocessors, activated_at, updated_at)
SELECT agreement_id, stream_version, status, controller_org, controller_name, processor_org, processor_name,
       'GBA', time_zone, 30, 30, '[]'::jsonb, NULL, updated_at
FROM agreements
ON CONFLICT (agreement_id) DO NOTHING;

DROP TABLE agreements;
