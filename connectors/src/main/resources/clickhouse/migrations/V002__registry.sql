-- The registry (reference data) mirrored from its CSV files for the dashboards.

CREATE TABLE IF NOT EXISTS dim_enterprise
(
    enterprise_id   String,
    name            String,
    region          LowCardinality(String),
    district        LowCardinality(String),
    park            LowCardinality(String),
    sector          LowCardinality(String),
    loaded_at       DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY enterprise_id;

CREATE TABLE IF NOT EXISTS dim_outlet
(
    outlet_id       String,
    enterprise_id   String,
    name            String,
    kind            LowCardinality(String),
    mn              String,
    facility        String,
    o2_ref          Nullable(Float64),
    status          LowCardinality(String),
    status_since    Date,
    loaded_at       DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY outlet_id;

CREATE TABLE IF NOT EXISTS dim_limit
(
    scope           String COMMENT 'outlet id, or sector:<sector>',
    pollutant       LowCardinality(String),
    kind            LowCardinality(String),
    value           Float64,
    unit            LowCardinality(String),
    averaging       LowCardinality(String),
    effective_from  Date,
    effective_to    Nullable(Date),
    source          String,
    loaded_at       DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY (scope, pollutant, kind, averaging, effective_from);
