-- The processor-wide overview (GET /subprocessors, art. 6.5) at the scale of a national processor (issue 19):
-- each registry entry names its agreement's parties, so the overview counts and pages one party's current
-- entries from an index instead of joining every agreement of the party to the registry. The parties of an
-- agreement never change after signing (agreement-service has no amendment of parties), so copying them is safe.
ALTER TABLE registry_entries ADD COLUMN controller_org char(10), ADD COLUMN processor_org char(10);

UPDATE registry_entries r SET controller_org = a.controller_org, processor_org = a.processor_org
FROM agreement_directory a WHERE a.agreement_id = r.agreement_id;

CREATE INDEX registry_current_by_controller ON registry_entries (controller_org, name_key, country, agreement_id)
    WHERE removed_at IS NULL;
CREATE INDEX registry_current_by_processor ON registry_entries (processor_org, name_key, country, agreement_id)
    WHERE removed_at IS NULL;
