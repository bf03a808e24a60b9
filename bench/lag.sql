-- Command-commit-to-read-model lag of one benchmark run, through the outbox relay, Kafka and the
-- projection runner: for each event of the run (picked by the X-Correlation-Id that LoadGen puts in
-- every request, stored in events.metadata.correlationId), applied_at (clock_timestamp() when the
-- 'agreement-list' projection recorded it) minus occurred_at (the service's clock when the command
-- appended it, a moment before its commit, so the lag is over- rather than under-stated).
-- Run with: psql -v tag=<LoadGen --tag> -f bench/lag.sql
\set ON_ERROR_STOP on
\pset footer off
WITH run AS (
    SELECT e.event_id, e.occurred_at
    FROM events e
    WHERE e.metadata ->> 'correlationId' LIKE :'tag' || '-%'
), lag AS (
    SELECT extract(epoch FROM p.applied_at - r.occurred_at) * 1000 AS ms
    FROM run r
    JOIN projection_applied_events p ON p.event_id = r.event_id AND p.projection = 'agreement-list'
)
SELECT (SELECT count(*) FROM run)                                     AS events,
       count(*)                                                        AS applied,
       round((percentile_disc(0.50) WITHIN GROUP (ORDER BY ms))::numeric, 1) AS p50_ms,
       round((percentile_disc(0.90) WITHIN GROUP (ORDER BY ms))::numeric, 1) AS p90_ms,
       round((percentile_disc(0.99) WITHIN GROUP (ORDER BY ms))::numeric, 1) AS p99_ms,
       round(max(ms)::numeric, 1)                                      AS max_ms
FROM lag;
