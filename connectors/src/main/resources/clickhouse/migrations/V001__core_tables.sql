-- Minute, hour and day values of each outlet and pollutant, and their alerts.
-- Every result table is idempotent under replay: a deterministic key and a version column on
-- ReplacingMergeTree; read with FINAL or argMax (design: ClickHouse contracts).

CREATE TABLE IF NOT EXISTS cems_minute
(
    outlet_id      LowCardinality(String),
    mn             String,
    pollutant      LowCardinality(String),
    minute_start   DateTime('Asia/Shanghai'),
    source_cn      LowCardinality(String) COMMENT 'HJ 212 CN the minute came from: 2051 minute data, 2011 real-time data',
    avg_measured   Nullable(Float64) COMMENT 'dry standard concentration (mg/m3, mg/L) or parameter value as measured',
    avg_converted  Nullable(Float64) COMMENT 'reference-O2 converted concentration (折算浓度)',
    min_value      Nullable(Float64),
    max_value      Nullable(Float64),
    cou            Nullable(Float64) COMMENT 'amount in the interval as sent (-Cou)',
    flag           LowCardinality(String) COMMENT 'HJ 212-2017 Table 8 data flag',
    valid          UInt8,
    covered_minutes UInt8 COMMENT 'minutes the record covers (MinInterval)',
    received_at    DateTime64(3, 'UTC'),
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(minute_start)
ORDER BY (outlet_id, pollutant, minute_start)
TTL minute_start + INTERVAL 400 DAY;

CREATE TABLE IF NOT EXISTS outlet_hour
(
    outlet_id       LowCardinality(String),
    enterprise_id   LowCardinality(String),
    mn              String,
    pollutant       LowCardinality(String),
    hour_start      DateTime('Asia/Shanghai'),
    valid           UInt8,
    method          LowCardinality(String) COMMENT 'MEASURED, INVALID or SUBSTITUTED (cf. EPA Part 75 MODC)',
    valid_minutes   UInt16,
    expected_minutes UInt16,
    invalid_reason  LowCardinality(String),
    avg_measured    Nullable(Float64),
    avg_converted   Nullable(Float64),
    o2_avg          Nullable(Float64),
    flow_m3         Nullable(Float64) COMMENT 'dry standard flow in the hour (m3)',
    mass_kg         Nullable(Float64),
    logger_avg      Nullable(Float64) COMMENT 'the logger''s own 2061 hourly value, kept beside the computed one',
    limit_value     Nullable(Float64),
    limit_kind      LowCardinality(String),
    limit_source    String,
    exceeded        UInt8,
    multiple        Nullable(Float64) COMMENT 'exceedance multiple (C - L) / L',
    computed_at     DateTime64(3, 'UTC'),
    version         UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(hour_start)
ORDER BY (outlet_id, pollutant, hour_start);

CREATE TABLE IF NOT EXISTS outlet_day
(
    outlet_id       LowCardinality(String),
    enterprise_id   LowCardinality(String),
    pollutant       LowCardinality(String),
    day             Date,
    valid           UInt8,
    method          LowCardinality(String),
    valid_hours     UInt8,
    invalid_reason  LowCardinality(String),
    avg_measured    Nullable(Float64),
    avg_converted   Nullable(Float64),
    mass_kg         Nullable(Float64),
    logger_avg      Nullable(Float64) COMMENT 'the logger''s own 2031 daily value',
    limit_value     Nullable(Float64),
    limit_kind      LowCardinality(String),
    limit_source    String,
    exceeded        UInt8,
    computed_at     DateTime64(3, 'UTC'),
    version         UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(day)
ORDER BY (outlet_id, pollutant, day);

CREATE TABLE IF NOT EXISTS alerts
(
    alert_id        String COMMENT 'deterministic: outlet, pollutant, rule, start',
    kind            LowCardinality(String),
    severity        LowCardinality(String),
    state           LowCardinality(String) COMMENT 'OPENED, UPDATED or CLOSED',
    outlet_id       LowCardinality(String),
    enterprise_id   LowCardinality(String),
    pollutant       LowCardinality(String),
    start           DateTime('Asia/Shanghai'),
    end             Nullable(DateTime('Asia/Shanghai')),
    peak_value      Nullable(Float64),
    limit_value     Nullable(Float64),
    limit_source    String,
    multiple        Nullable(Float64),
    detail          String,
    updated_at      DateTime64(3, 'UTC'),
    version         UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(start)
ORDER BY alert_id;

CREATE TABLE IF NOT EXISTS alert_acks
(
    alert_id        String,
    acknowledged_by String,
    acknowledged_at DateTime64(3, 'UTC'),
    note            String
)
ENGINE = ReplacingMergeTree(acknowledged_at)
ORDER BY alert_id;

CREATE TABLE IF NOT EXISTS ingest_rejects
(
    received_at     DateTime64(3, 'UTC'),
    peer            String,
    mn              String,
    reason_code     LowCardinality(String),
    reason          String,
    packet          String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (received_at, mn)
TTL toDateTime(received_at) + INTERVAL 90 DAY;
