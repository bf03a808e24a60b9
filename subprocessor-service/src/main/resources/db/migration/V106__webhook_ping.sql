-- A ping (a test delivery on demand) concerns no agreement.
ALTER TABLE webhook_deliveries ALTER COLUMN agreement_id DROP NOT NULL;
