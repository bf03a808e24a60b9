-- Secret rotation with an overlap: after a rotation the previous secret (sealed like the current one) keeps signing
-- beside the new one until previous_valid_until, so receivers can switch without losing a delivery.
ALTER TABLE webhook_subscriptions ADD COLUMN previous_secret text;
ALTER TABLE webhook_subscriptions ADD COLUMN previous_secret_key_id text;
ALTER TABLE webhook_subscriptions ADD COLUMN previous_valid_until timestamptz;
