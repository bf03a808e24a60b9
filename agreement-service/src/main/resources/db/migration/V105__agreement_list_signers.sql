-- Who signed the agreement's current content, per party: {"CONTROLLER": {"name": <sealed>, "signedAt": ...}}.
-- The name is the token published on dpa.agreements (docs/ARCHITECTURE.md "Personal data"), opened on read,
-- so an erased signer reads as erased here too, also after a rebuild.
ALTER TABLE agreement_list ADD COLUMN signers jsonb NOT NULL DEFAULT '{}';
