-- DPA art. 6.2: an objection's termination right lapses once its ground goes. A superseded change whose
-- objection is still open waits for its alternative; the scheduler ticks it until the right lapses.
ALTER TABLE changes ADD COLUMN termination_lapsed boolean NOT NULL DEFAULT false;
