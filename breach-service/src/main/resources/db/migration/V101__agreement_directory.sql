-- breach-service's own agreements read model gives way to the kernel's agreement directory (kernel V4),
-- fed by the kernel's projection under the same name ("agreements"), so projection_applied_events stays
-- valid and nothing is replayed. The rows the service already knows are copied over; the columns the old
-- table did not have take their documented defaults (docs/DOMAIN.md "Settings"): objection_days 30,
-- destruction_confirmation_days 30, annex_subprocessors '[]' and no activated_at (breach-service reads none
-- of them). The agreement's next event on dpa.agreements corrects them, since every event carries the
-- whole agreement. The supervisory authority and the time zone are copied as stored.
INSERT INTO agreement_directory (agreement_id, stream_version, status, controller_org, controller_name, processor_org,
                                 processor_name, supervisory_authority, time_zone, objection_days,
                                 destruction_confirmation_days, annex_subprocessors, activated_at, updated_at)
SELECT agreement_id, stream_version, status, controller_org, controller_name, processor_org, processor_name,
       coalesce(authority, 'GBA'), time_zone, 30, 30, '[]'::jsonb, NULL, updated_at
FROM agreements
ON CONFLICT (agreement_id) DO NOTHING;

DROP TABLE agreements;
