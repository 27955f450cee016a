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
    o2             Nullable(Float64) COMMENT 'O2 of the same minute (%), used for the conversion',
    flow_m3h       Nullable(Float64) COMMENT 'dry standard flow (m3/h), or wastewater flow',
    mass_kg        Nullable(Float64) COMMENT 'emission of the minute record',
    flag           LowCardinality(String) COMMENT 'HJ 212-2017 Table 8 data flag',
    valid          UInt8,
    covered_minutes UInt8 COMMENT 'minutes the record covers (MinInterval)',
    backfill       UInt8 COMMENT 're-sent stored data (补传)',
    received_at    DateTime64(3, 'UTC'),
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(minute_start)
ORDER BY (outlet_id, pollutant, minute_start)
-- kept 400 days after it was received, so a replay of older data is not dropped on arrival
TTL toDateTime(received_at) + INTERVAL 400 DAY;

CREATE TABLE IF NOT EXISTS outlet_hour
(
    outlet_id       LowCardinality(String),
    enterprise_id   LowCardinality(String),
    mn              String,
    pollutant       LowCardinality(String),
    hour_start      DateTime('Asia/Shanghai'),
    valid           UInt8,
    method          LowCardinality(String) COMMENT 'of the concentration: MEASURED or INVALID (cf. EPA Part 75 MODC)',
    invalid_reason  LowCardinality(String),
    valid_minutes   UInt16 COMMENT '有效分钟数: covered minutes of valid (N, T) records',
    required_valid_minutes UInt16 COMMENT 'HJ 75-2017 / HJ 212-2017 App. D eq. 24: 45 of the operating minutes',
    stop_minutes    UInt16 COMMENT 'minutes flagged F (stop period), outside numerator and denominator',
    invalid_minutes UInt16 COMMENT 'minutes flagged C, M, D, B or S',
    missing_minutes UInt16,
    availability_percent Nullable(Float64),
    avg_measured    Nullable(Float64) COMMENT 'dry standard mean (flow-weighted for wastewater)',
    avg_converted   Nullable(Float64) COMMENT 'reference-O2 converted mean (折算浓度), judged against the limit',
    min_value       Nullable(Float64),
    max_value       Nullable(Float64),
    flow_m3h        Nullable(Float64) COMMENT 'mean dry standard flow, m3/h',
    mass_rate_kg_h  Nullable(Float64),
    mass_kg         Nullable(Float64),
    mass_method     LowCardinality(String) COMMENT 'MEASURED, SUBSTITUTED or INVALID',
    substitution    String COMMENT 'the HJ 75-2017 substitution rule applied to the mass, if any',
    volume_m3       Nullable(Float64) COMMENT 'wastewater volume of the hour',
    logger_avg      Nullable(Float64) COMMENT 'the logger''s own 2061 hourly value, kept beside the computed one',
    logger_zs_avg   Nullable(Float64),
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
    invalid_reason  LowCardinality(String),
    valid_hours     UInt8 COMMENT 'HJ 212-2017 App. D eq. 25: 20 of the operating hours needed',
    stop_hours      UInt8,
    availability_percent Nullable(Float64),
    transmission_percent Nullable(Float64) COMMENT '传输有效率: valid minutes / (1440 - stop minutes)',
    avg_measured    Nullable(Float64),
    avg_converted   Nullable(Float64),
    min_value       Nullable(Float64),
    max_value       Nullable(Float64),
    mass_kg         Nullable(Float64),
    mass_method     LowCardinality(String),
    volume_m3       Nullable(Float64),
    logger_avg      Nullable(Float64) COMMENT 'the logger''s own 2031 daily value',
    limit_value     Nullable(Float64),
    limit_kind      LowCardinality(String),
    limit_source    String,
    exceeded        UInt8,
    multiple        Nullable(Float64),
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
    mn              String,
    pollutant       LowCardinality(String),
    start           DateTime('Asia/Shanghai'),
    end             Nullable(DateTime('Asia/Shanghai')),
    peak_value      Nullable(Float64),
    limit_value     Nullable(Float64),
    limit_kind      LowCardinality(String),
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

CREATE TABLE IF NOT EXISTS outlet_live
(
    outlet_id       LowCardinality(String),
    pollutant       LowCardinality(String),
    at              DateTime('Asia/Shanghai') COMMENT 'the minute these running values include',
    hour_start      DateTime('Asia/Shanghai'),
    hour_valid_minutes UInt16,
    hour_mean       Nullable(Float64) COMMENT 'running mean of the current clock hour (valid minutes so far)',
    hour_converted_mean Nullable(Float64),
    trailing_valid_minutes UInt16,
    trailing_mean   Nullable(Float64) COMMENT 'mean of the trailing 60 minutes',
    trailing_converted_mean Nullable(Float64),
    day_mass_kg     Nullable(Float64),
    month_mass_kg   Nullable(Float64),
    year_mass_kg    Nullable(Float64),
    version         UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (outlet_id, pollutant)
COMMENT 'the latest running values per outlet and pollutant, for the live view';
