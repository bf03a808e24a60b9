-- bench/reporting.sh: tops the obligations read model up to :total rows (psql -v total=100000 -v seed=0.14), on the
-- agreements the service already knows (agreement_directory, fed by the benchmark's events), so every row has real
-- parties, zones and agreement ids. What the projections derived from the events stays; the generated rows get
-- source ids of their own ('bench-' prefix) and the spread a DPO's register has:
--   kind    weighted like a year of a municipality's work (data subject requests and information requests most,
--           objections to sub-processor changes and disclosures least);
--   state   about 45% DONE, 10% DONE_LATE, 8% OVERDUE, 7% DUE_SOON, 30% ON_TIME; due instants from a year ago to
--           six months ahead; "due soon" follows the default setting (7 days; 12 hours for the HOURS clocks), the
--           same rule as ObligationState.of;
--   party   the acting party of the kind (ObligationKind), the agreement's controller and processor; audits and
--           corrective work have an appointed audit firm half of the time; a forwarding not yet done and a third
--           of the disclosures are hidden from the controller (controller_visible false, DPA art. 2.2, 7.2).
SELECT setseed(:seed);

CREATE TEMP TABLE bench_kinds (kind text, weight int, acting text, article text, clock text, source_type text, service text, path text);
INSERT INTO bench_kinds VALUES
  ('BREACH_REPORT',            8, 'PROCESSOR',  'DPA art. 7.3',    'HOURS', 'breach',             'breach',       '/breaches/'),
  ('AUTHORITY_NOTIFICATION',   6, 'CONTROLLER', 'GDPR art. 33(1)', 'HOURS', 'breach',             'breach',       '/breaches/'),
  ('OBJECTION_WINDOW',        12, 'CONTROLLER', 'DPA art. 6.1',    'DAYS',  'subprocessorchange', 'subprocessor', '/changes/'),
  ('OBJECTION_RESOLUTION',     2, 'PROCESSOR',  'DPA art. 6.2',    'DAYS',  'subprocessorchange', 'subprocessor', '/changes/'),
  ('AUDIT',                    6, 'CONTROLLER', 'DPA art. 9.1',    'DAYS',  'audit',              'audit',        '/audits/'),
  ('CORRECTIVE_ACTION_PLAN',   3, 'PROCESSOR',  'DPA art. 9.2',    'DAYS',  'audit',              'audit',        '/audits/'),
  ('CORRECTIVE_MEASURE',       3, 'PROCESSOR',  'DPA art. 9.2',    'DAYS',  'audit',              'audit',        '/audits/'),
  ('INFORMATION_REQUEST',     12, 'PROCESSOR',  'DPA art. 9.2',    'DAYS',  'informationrequest', 'audit',        '/information-requests/'),
  ('INSTRUCTION_RESPONSE',     8, 'PROCESSOR',  'DPA art. 2.3',    'DAYS',  'instruction',        'agreement',    '/instructions/'),
  ('DISCLOSURE',               2, 'PROCESSOR',  'DPA art. 2.2',    'DAYS',  'disclosurerequest',  'agreement',    '/disclosure-requests/'),
  ('DATA_SUBJECT_FORWARDING', 14, 'PROCESSOR',  'DPA art. 7.2',    'HOURS', 'datasubjectrequest', 'agreement',    '/data-subject-requests/'),
  ('DATA_SUBJECT_ANSWER',     14, 'CONTROLLER', 'GDPR art. 12(3)', 'DAYS',  'datasubjectrequest', 'agreement',    '/data-subject-requests/'),
  ('DATA_RETURN',              5, 'PROCESSOR',  'DPA art. 11.2',   'DAYS',  'agreement',          'agreement',    '/agreements/'),
  ('DESTRUCTION_CONFIRMATION', 5, 'PROCESSOR',  'DPA art. 11.4',   'DAYS',  'agreement',          'agreement',    '/agreements/');
-- Cumulative weights: a uniform draw in [0, 100) picks the kind whose band contains it.
CREATE TEMP TABLE bench_kind_bands AS
SELECT k.*, sum(weight) OVER (ORDER BY kind) - weight AS lo, sum(weight) OVER (ORDER BY kind) AS hi FROM bench_kinds k;

CREATE TEMP TABLE bench_agreements AS
SELECT row_number() OVER (ORDER BY agreement_id) - 1 AS n, agreement_id, controller_org, controller_name, processor_org,
       processor_name, time_zone
FROM agreement_directory;

\set ON_ERROR_STOP 1
SELECT count(*) AS agreements FROM bench_agreements \gset
SELECT greatest(0, :total - count(*)) AS missing FROM obligations \gset
\echo agreements in the directory: :agreements, obligations to add: :missing

INSERT INTO obligations (obligation_id, kind, source_type, source_id, source_version, agreement_id, controller_org, controller_name,
                         processor_org, processor_name, auditor_org, acting_party, due_at, time_zone, article, title, met_at,
                         cancelled_at, controller_visible, service, resource_path, updated_at)
SELECT d.source_id || ':' || k.kind, k.kind, k.source_type, d.source_id, 1 + (d.r_version * 4)::int, a.agreement_id,
       a.controller_org, a.controller_name, a.processor_org, a.processor_name,
       CASE WHEN k.kind IN ('AUDIT', 'CORRECTIVE_ACTION_PLAN', 'CORRECTIVE_MEASURE') AND d.r_auditor < 0.5
            THEN '08' || lpad((floor(d.r_auditor * 40))::int::text, 8, '0') END,
       k.acting, s.due_at, a.time_zone, k.article, initcap(replace(lower(k.kind), '_', ' ')) || ' ' || left(d.source_id, 14),
       s.met_at, NULL,
       NOT ((k.kind = 'DISCLOSURE' AND d.r_visible < 0.33) OR (k.kind = 'DATA_SUBJECT_FORWARDING' AND s.met_at IS NULL)),
       k.service, k.path || d.source_id, now()
FROM (
    SELECT i, 'bench-' || md5(i::text || ':' || random()::text) AS source_id, random() * 100 AS r_kind, random() AS r_agreement,
           random() AS r_state, random() AS r_due, random() AS r_met, random() AS r_version, random() AS r_auditor,
           random() AS r_visible
    FROM generate_series(1, :missing) AS i
) d
JOIN bench_kind_bands k ON d.r_kind >= k.lo AND d.r_kind < k.hi
JOIN bench_agreements a ON a.n = floor(d.r_agreement * :agreements)
-- The due instant for the drawn state, rounded to the minute like a deadline computed from a clock, then when it was met.
CROSS JOIN LATERAL (SELECT date_trunc('minute',
        CASE WHEN d.r_state < 0.55 THEN now() - interval '1 day' - d.r_due * interval '364 days'             -- DONE, DONE_LATE
             WHEN d.r_state < 0.63 THEN now() - interval '1 hour' - d.r_due * interval '60 days'             -- OVERDUE
             WHEN d.r_state < 0.70 THEN now() + CASE k.clock WHEN 'HOURS' THEN interval '10 minutes' + d.r_due * interval '11 hours'
                                                             ELSE interval '1 hour' + d.r_due * interval '6 days' END   -- DUE_SOON
             ELSE now() + CASE k.clock WHEN 'HOURS' THEN interval '13 hours' + d.r_due * interval '59 hours'
                               ELSE interval '8 days' + d.r_due * interval '172 days' END                     -- ON_TIME
        END) AS due_at) t
CROSS JOIN LATERAL (SELECT t.due_at,
        date_trunc('second',
        CASE WHEN d.r_state < 0.45 THEN t.due_at - d.r_met * CASE k.clock WHEN 'HOURS' THEN interval '20 hours' ELSE interval '10 days' END
             WHEN d.r_state < 0.55 THEN least(now() - interval '1 minute', t.due_at + interval '1 hour'
                                              + d.r_met * CASE k.clock WHEN 'HOURS' THEN interval '30 hours' ELSE interval '20 days' END)
        END) AS met_at) s;

SELECT count(*) AS obligations, count(DISTINCT controller_org) AS controllers, count(DISTINCT processor_org) AS processors
FROM obligations;
