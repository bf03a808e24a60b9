CREATE TABLE counter_totals (
    counter_id     text PRIMARY KEY,
    total          bigint NOT NULL,
    events_applied int    NOT NULL
);
