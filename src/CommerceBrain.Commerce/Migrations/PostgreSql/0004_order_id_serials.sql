-- Durable per-day order serials: the last serial handed out for a day (yyyyMMdd). Ids are allocated by one atomic
-- upsert so that concurrent order creations never propose the same id; a serial lost to a crash leaves a gap only.
CREATE TABLE order_id_serials (
    day         text    NOT NULL PRIMARY KEY,
    last_serial integer NOT NULL
);
