-- A webhook subscription is scoped by role AND organisation, as every read: it records the party roles it
-- was made in (controller, processor), and receives only the events of agreements its organisation is
-- party to in that role. Subscriptions made before did not record the role; they keep receiving (and
-- being managed) as either party, as they did.
ALTER TABLE webhook_subscriptions ADD COLUMN party_roles text[] NOT NULL DEFAULT '{controller,processor}';
ALTER TABLE webhook_subscriptions ALTER COLUMN party_roles DROP DEFAULT;
