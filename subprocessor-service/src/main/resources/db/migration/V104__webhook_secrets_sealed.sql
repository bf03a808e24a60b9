-- Webhook signing secrets are stored sealed (AES-256-GCM, the kernel's WebhookSecrets): secret holds the sealed value
-- and secret_key_id the id of the key that sealed it. Rows from before have no key id (the secret in clear) until the
-- service re-seals them at its next start (WebhookSecretSealer), as it does for rows of a key that is no longer first.
ALTER TABLE webhook_subscriptions ADD COLUMN secret_key_id text;
