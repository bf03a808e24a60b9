-- The lists of instructions, disclosure requests and data subject requests page by a key that does not change
-- (docs/ARCHITECTURE.md, "Lists"): newest first by when the item was first recorded, then by id. Rows from before
-- this column take their last update's time, the best known; a projection rebuild sets the true one.
ALTER TABLE assistance_items ADD COLUMN created_at timestamptz;
UPDATE assistance_items SET created_at = updated_at;
ALTER TABLE assistance_items ALTER COLUMN created_at SET NOT NULL;
CREATE INDEX assistance_items_controller_page ON assistance_items (controller_org, kind, created_at DESC, item_id DESC);
CREATE INDEX assistance_items_processor_page ON assistance_items (processor_org, kind, created_at DESC, item_id DESC);
DROP INDEX assistance_items_controller;
DROP INDEX assistance_items_processor;
