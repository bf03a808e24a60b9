-- pgbench script: ONE agreement command unit as agreement-service appends it, i.e. THREE transactions
-- (one per command: create draft, controller signs, processor signs), 4 events + 4 outbox rows in all:
--   tx 1: DraftCreated (~4.1 KB payload)            + its outbox row (~4.7 KB)
--   tx 2: AgreementSigned (~230 B)                   + its outbox row (~0.9 KB)
--   tx 3: AgreementSigned + AgreementActivated       + their 2 outbox rows
-- Each INSERT is a separate statement, JSON sent as text and cast to jsonb, exactly as the service's
-- EventStore does; the kernel schema (every kernel migration, in order) is the real one.
-- pgbench counts one script run as one "transaction": tps here = units/s; commands/s = 3 x tps.
-- Not included (the service does them, this baseline does not): reading the stream back, the head
-- lookup, JSON/hash work. Run with -M prepared; payload variables come from payloads.sql via -D.
SELECT gen_random_uuid() AS sid, gen_random_uuid() AS e1, gen_random_uuid() AS e2, gen_random_uuid() AS e3, gen_random_uuid() AS e4 \gset
BEGIN;
INSERT INTO events (event_id, stream_id, stream_type, version, event_type, schema_version, payload, metadata, occurred_at, previous_hash, hash)
    VALUES (:e1, :sid, 'agreement', 1, 'DraftCreated', 1, :draft_payload::text::jsonb, :draft_metadata::text::jsonb, now(), :h0, :h1);
INSERT INTO outbox (event_id, message_key, ce_type, ce_subject, ce_time, data)
    VALUES (:e1, :sid, 'eu.dpaledger.agreement.DraftCreated.v1', :sid, now(), :draft_data::text::jsonb);
COMMIT;
BEGIN;
INSERT INTO events (event_id, stream_id, stream_type, version, event_type, schema_version, payload, metadata, occurred_at, previous_hash, hash)
    VALUES (:e2, :sid, 'agreement', 2, 'AgreementSigned', 1, :sign1_payload::text::jsonb, :sign1_metadata::text::jsonb, now(), :h1, :h2);
INSERT INTO outbox (event_id, message_key, ce_type, ce_subject, ce_time, data)
    VALUES (:e2, :sid, 'eu.dpaledger.agreement.AgreementSigned.v1', :sid, now(), :sign1_data::text::jsonb);
COMMIT;
BEGIN;
INSERT INTO events (event_id, stream_id, stream_type, version, event_type, schema_version, payload, metadata, occurred_at, previous_hash, hash)
    VALUES (:e3, :sid, 'agreement', 3, 'AgreementSigned', 1, :sign2_payload::text::jsonb, :sign2_metadata::text::jsonb, now(), :h2, :h3),
           (:e4, :sid, 'agreement', 4, 'AgreementActivated', 1, :activated_payload::text::jsonb, :activated_metadata::text::jsonb, now(), :h3, :h4);
INSERT INTO outbox (event_id, message_key, ce_type, ce_subject, ce_time, data)
    VALUES (:e3, :sid, 'eu.dpaledger.agreement.AgreementSigned.v1', :sid, now(), :sign2_data::text::jsonb),
           (:e4, :sid, 'eu.dpaledger.agreement.AgreementActivated.v1', :sid, now(), :activated_data::text::jsonb);
COMMIT;
