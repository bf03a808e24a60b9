-- Automatic disabling (the kernel's WebhookDispatcher): failing_since is when the receiver's current run of failed
-- attempts began (null while it answers); after dpa.webhooks.disable-after of failures the subscription is disabled.
ALTER TABLE webhook_subscriptions ADD COLUMN failing_since timestamptz;
ALTER TABLE webhook_subscriptions ADD COLUMN disabled_at timestamptz;
ALTER TABLE webhook_subscriptions ADD COLUMN disabled_reason text;
-- When the dispatcher claimed a delivery for an attempt (null once the attempt is recorded): a manual redelivery is
-- refused while an attempt is being sent, not to send it twice at once.
ALTER TABLE webhook_deliveries ADD COLUMN claimed_at timestamptz;
-- When a ping or a manual redelivery was asked for: a disabled subscription gets only those asked for after it was
-- disabled (to test the receiver before enabling it again).
ALTER TABLE webhook_deliveries ADD COLUMN requested_at timestamptz;
-- The first instant of the events the fan-out queues for a subscription: when it was made, and again when it is
-- enabled after being disabled (what happened meanwhile is not queued, not even by a rebuild of the fan-out).
ALTER TABLE webhook_subscriptions ADD COLUMN events_from timestamptz;
UPDATE webhook_subscriptions SET events_from = created_at;
ALTER TABLE webhook_subscriptions ALTER COLUMN events_from SET NOT NULL;
