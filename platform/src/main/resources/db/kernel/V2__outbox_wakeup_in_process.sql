-- The outbox relay is now woken in-process right after each command commits (plus a short
-- fallback poll). A NOTIFY per commit serialised every committing transaction on PostgreSQL's
-- notification queue lock, which the benchmark showed as the largest share of commit time.
DROP TRIGGER IF EXISTS outbox_notify ON outbox;
DROP FUNCTION IF EXISTS outbox_notify();

-- Every row is deleted soon after it is inserted: vacuum the table eagerly so the relay's
-- ORDER BY id scan does not wade through dead tuples (where autovacuum runs).
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 1000,
                        autovacuum_vacuum_cost_delay = 0);
