-- Sample payloads for the pgbench append baseline, shaped like the ones agreement-service writes for
-- one agreement command unit (sizes as stored by the service: DraftCreated ~4.1 KB of JSON, signatures
-- ~230 B, activation ~120 B; outbox data = the event payload plus the agreement summary the service
-- publishes). Run by run.sh with psql -v content=<the demo agreement JSON>; prints one line per
-- variable "name<TAB>value", which run.sh hands to pgbench as -D name=value.
\set ON_ERROR_STOP on
WITH c AS (SELECT :'content'::jsonb AS content, '7c0e7d5c-0000-4000-8000-000000000001'::text AS id,
                  '2026-01-01T10:00:00.000Z'::text AS at, repeat('ab12', 16) AS sha),
summary AS (
    SELECT jsonb_build_object(
               'controller', jsonb_build_object('name', content #>> '{controller,name}', 'enterpriseNumber', '0207511803'),
               'processor', jsonb_build_object('name', content #>> '{processor,name}', 'enterpriseNumber', '0428304785'),
               'assignment', content #>> '{assignment,description}',
               'settings', content -> 'settings',
               'highestInformationClass', 3,
               'subprocessors', content -> 'subprocessors',
               'processingLocations', content -> 'processingLocations') AS s, c.*
    FROM c),
ev AS (
    SELECT 'draft' AS kind, 1 AS version, 'DRAFT' AS status,
           jsonb_build_object('agreementId', id, 'at', at, 'content', content, 'createdBy', 'CONTROLLER') AS payload,
           jsonb_build_object('actorRoles', jsonb_build_array('controller'), 'causationId', 'bench-0-c', 'actorSubject', 'dpo-0207511803',
                              'correlationId', 'bench-0-c', 'idempotencyKey', null, 'actorOrganisation', '0207511803') AS metadata, s, id
    FROM summary
    UNION ALL
    SELECT 'sign1', 2, 'DRAFT',
           jsonb_build_object('at', at, 'party', 'CONTROLLER', 'place', 'Opwijk', 'signerName', 'Jan Voorbeeld',
                              'signerTitle', 'algemeen directeur', 'contentSha256', sha),
           jsonb_build_object('actorRoles', jsonb_build_array('controller'), 'causationId', 'bench-0-s1', 'actorSubject', 'dpo-0207511803',
                              'correlationId', 'bench-0-s1', 'idempotencyKey', null, 'actorOrganisation', '0207511803'), s, id
    FROM summary
    UNION ALL
    SELECT 'sign2', 3, 'DRAFT',
           jsonb_build_object('at', at, 'party', 'PROCESSOR', 'place', 'Brussel', 'signerName', 'Piet Proef',
                              'signerTitle', 'algemeen directeur ESN', 'contentSha256', sha),
           jsonb_build_object('actorRoles', jsonb_build_array('processor'), 'causationId', 'bench-0-s2', 'actorSubject', 'staff-0428304785',
                              'correlationId', 'bench-0-s2', 'idempotencyKey', null, 'actorOrganisation', '0428304785'), s, id
    FROM summary
    UNION ALL
    SELECT 'activated', 4, 'ACTIVE',
           jsonb_build_object('at', at, 'contentSha256', sha),
           jsonb_build_object('actorRoles', jsonb_build_array('processor'), 'causationId', 'bench-0-s2', 'actorSubject', 'staff-0428304785',
                              'correlationId', 'bench-0-s2', 'idempotencyKey', null, 'actorOrganisation', '0428304785'), s, id
    FROM summary)
SELECT name, value FROM (
    SELECT kind || '_payload' AS name, payload::text AS value, version, 1 AS o FROM ev
    UNION ALL
    SELECT kind || '_metadata', metadata::text, version, 2 FROM ev
    UNION ALL
    SELECT kind || '_data', jsonb_build_object('agreementId', id, 'streamVersion', version, 'event', payload,
                                               'agreement', s || jsonb_build_object('status', status))::text, version, 3 FROM ev
) v ORDER BY version, o;
