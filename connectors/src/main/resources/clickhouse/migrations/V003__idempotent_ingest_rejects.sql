-- ingest_rejects becomes idempotent like the result tables (DESIGN: every result table is
-- idempotent under replay): a compliance job restarted from its last checkpoint sinks the rejects
-- read since then again. The same reject (receive time, peer, MN, reason, packet) now collapses on
-- merge, and queries with FINAL count it once. ClickHouse cannot change a table's engine in place:
-- the rows move to a new table that then takes the old one's name.
CREATE TABLE IF NOT EXISTS ingest_rejects_replacing
(
    received_at     DateTime64(3, 'UTC'),
    peer            String,
    mn              String,
    reason_code     LowCardinality(String),
    reason          String,
    packet          String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (received_at, mn, reason_code, peer, cityHash64(packet), cityHash64(reason))
TTL toDateTime(received_at) + INTERVAL 90 DAY;

INSERT INTO ingest_rejects_replacing
SELECT received_at, peer, mn, reason_code, reason, packet FROM ingest_rejects;

EXCHANGE TABLES ingest_rejects AND ingest_rejects_replacing;

DROP TABLE ingest_rejects_replacing;
