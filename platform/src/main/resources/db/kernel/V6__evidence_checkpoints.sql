-- Evidence that stands without trusting the operator (docs/EVIDENCE.md): the service's signing keys (Ed25519;
-- one active, retired ones kept so old checkpoints still verify) and the signed checkpoints of its streams' heads.
CREATE TABLE signing_keys (
    kid         text        PRIMARY KEY,
    public_key  bytea       NOT NULL,   -- the 32 raw bytes of the Ed25519 public key (JWK "x")
    private_key bytea       NOT NULL,   -- PKCS#8
    created_at  timestamptz NOT NULL,
    retired_at  timestamptz
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;

CREATE TABLE checkpoints (
    checkpoint_id uuid        PRIMARY KEY,
    kid           text        NOT NULL REFERENCES signing_keys (kid),
    jws           text        NOT NULL,
    signed_at     timestamptz NOT NULL
);

-- The heads a checkpoint signs: which checkpoints cover a stream, and which heads are not signed yet.
CREATE TABLE checkpoint_heads (
    checkpoint_id uuid   NOT NULL REFERENCES checkpoints (checkpoint_id),
    stream_id     text   NOT NULL,
    version       bigint NOT NULL,
    hash          char(64) NOT NULL,
    PRIMARY KEY (checkpoint_id, stream_id)
);
CREATE INDEX checkpoint_heads_stream ON checkpoint_heads (stream_id, version);
