-- The trace of the request that caused an event (W3C traceparent), carried with its outbox row to the Kafka record
-- (CloudEvents extension traceparent), so one trace shows a command from the request to every read model and webhook.
-- Operational, not evidence: kept with the outbox row (deleted once published), not in the hash-chained metadata.
ALTER TABLE outbox ADD COLUMN traceparent text;
ALTER TABLE outbox_parked ADD COLUMN traceparent text;
