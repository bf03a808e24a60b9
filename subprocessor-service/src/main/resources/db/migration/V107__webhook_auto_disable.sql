-- Automatic disabling (the kernel's WebhookDispatcher): failing_since is when the receiver's current run of failed
-- attempts began (null while it answers); after dpa.webhooks.disable-after of failures the subscription is disabled.
ALTER TABLE webhook_subscriptions ADD COLUMN failing_since timestamptz;
ALTER TABLE webhook_subscriptions ADD COLUMN disabled_at timestamptz;
ALTER TABLE webhook_subscriptions ADD COLUMN disabled_reason text;
