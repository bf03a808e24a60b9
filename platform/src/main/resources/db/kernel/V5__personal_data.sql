-- Personal data in the ledger (docs/ARCHITECTURE.md "Personal data"): crypto-shredding.
-- A personal field of an event is stored (and published) as a token sealed with the key of its data
-- subject; one key per person within one agreement (the scope). Destroying a key erases every value
-- sealed with it, in the event store, on the topics and in every copy, without touching the hash chain,
-- which covers the tokens. The subject and identifiers columns are personal data themselves: an erasure
-- clears them with the key. Nothing of this table is ever published.
CREATE TABLE personal_data_keys (
    key_id         uuid        PRIMARY KEY,
    scope          text        NOT NULL,           -- the agreement the person appears in
    kinds          text[]      NOT NULL,           -- signer, representative, dpo, contact, finder, ...
    subject        text,                           -- normalised name (or e-mail) that identifies the person; null once erased
    identifiers    text[]      NOT NULL DEFAULT '{}', -- normalised names and e-mail addresses to find the person by
    streams        text[]      NOT NULL DEFAULT '{}', -- the streams whose events carry values sealed with this key
    key            bytea,                          -- AES-256 key; null once erased
    created_at     timestamptz NOT NULL,
    erased_at      timestamptz,
    erasure_id     uuid,
    erasure_reason text,
    erasure_ground text,
    CHECK ((erased_at IS NULL) = (key IS NOT NULL))
);
CREATE UNIQUE INDEX personal_data_keys_subject ON personal_data_keys (scope, subject) WHERE erased_at IS NULL;
CREATE INDEX personal_data_keys_identifiers ON personal_data_keys USING gin (identifiers) WHERE erased_at IS NULL;
CREATE INDEX personal_data_keys_scope ON personal_data_keys (scope) WHERE erased_at IS NULL;

-- Legal holds (GDPR art. 17(3)(e)): while an agreement has an open breach, an open audit or a disputed piece
-- of evidence, nothing of it is erased, on request or by retention. Fed from dpa.breaches and dpa.audits by
-- the kernel's projection where a service enables it (dpa.personal-data.legal-holds.enabled).
CREATE TABLE legal_holds (
    scope      text        NOT NULL,   -- the agreement
    source     text        NOT NULL,   -- breach, audit, evidence
    reference  text        NOT NULL,   -- the breach's, audit's or evidence item's id
    reason     text        NOT NULL,
    since      timestamptz NOT NULL,
    PRIMARY KEY (scope, source, reference)
);
