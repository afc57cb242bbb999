-- DORA 2025 (State of AI-assisted Software Development): the report places each of the five metrics in answer
-- buckets instead of elite/high/medium/low levels, and groups teams into seven profiles. Both are data, per report
-- year, so that a later report is a row change. The 2023 levels in dora_thresholds stay as they are.

-- A value v is in a bucket when lower_bound <= v < upper_bound. Rank 1 is the best bucket: the most frequent
-- deployments, the shortest times, the lowest rates. `confirmed` says whether the boundary was checked against stored
-- DORA text; docs/metrics.md says which were not.
CREATE TABLE dora_buckets (
    report_year INTEGER NOT NULL,
    metric      VARCHAR NOT NULL CHECK (metric IN ('deployment_frequency', 'lead_time', 'recovery_time', 'change_failure_rate', 'rework_rate')),
    rank        INTEGER NOT NULL,
    label       VARCHAR NOT NULL,
    lower_bound DOUBLE NOT NULL,
    upper_bound DOUBLE NOT NULL,
    unit        VARCHAR NOT NULL CHECK (unit IN ('deploys_per_day', 'hours', 'share')),
    confirmed   BOOLEAN NOT NULL,
    source      VARCHAR NOT NULL,
    PRIMARY KEY (report_year, metric, rank),
    CHECK (lower_bound < upper_bound)
);

INSERT INTO dora_buckets VALUES
    -- Deployment frequency in average production deployments per day; a month is 30 days, six months 182.
    (2025, 'deployment_frequency', 1, 'on demand (multiple deploys per day)',        1.0,       'inf', 'deploys_per_day',     false, 'DORA 2025 report answer scale; boundaries as the DORA Quick Check and earlier reports word them, not confirmed for 2025'),
    (2025, 'deployment_frequency', 2, 'between once per day and once per week',      1.0 / 7,   1.0, 'deploys_per_day',       false, 'as above'),
    (2025, 'deployment_frequency', 3, 'between once per week and once per month',    1.0 / 30,  1.0 / 7, 'deploys_per_day',   false, 'as above'),
    (2025, 'deployment_frequency', 4, 'between once per month and once every six months', 1.0 / 182, 1.0 / 30, 'deploys_per_day', false, 'as above'),
    (2025, 'deployment_frequency', 5, 'fewer than once per six months',              0,         1.0 / 182, 'deploys_per_day', false, 'as above'),
    -- Lead time for changes and failed deployment recovery time, in hours: DORA's survey answer scale for durations
    -- (less than one hour … more than six months, dora.dev/research/core/questions); a month is 30 days, six months 182.
    (2025, 'lead_time', 1, 'less than one hour',                    0,    1, 'hours',    true, 'DORA survey duration answer scale (dora.dev research questions)'),
    (2025, 'lead_time', 2, 'between one hour and one day',          1,    24, 'hours',   true, 'as above'),
    (2025, 'lead_time', 3, 'between one day and one week',          24,   168, 'hours',  true, 'as above'),
    (2025, 'lead_time', 4, 'between one week and one month',        168,  720, 'hours',  true, 'as above'),
    (2025, 'lead_time', 5, 'between one month and six months',      720,  4368, 'hours', true, 'as above'),
    (2025, 'lead_time', 6, 'more than six months',                  4368, 'inf', 'hours', true, 'as above'),
    (2025, 'recovery_time', 1, 'less than one hour',                0,    1, 'hours',    true, 'DORA survey duration answer scale (dora.dev research questions)'),
    (2025, 'recovery_time', 2, 'between one hour and one day',      1,    24, 'hours',   true, 'as above'),
    (2025, 'recovery_time', 3, 'between one day and one week',      24,   168, 'hours',  true, 'as above'),
    (2025, 'recovery_time', 4, 'between one week and one month',    168,  720, 'hours',  true, 'as above'),
    (2025, 'recovery_time', 5, 'between one month and six months',  720,  4368, 'hours', true, 'as above'),
    (2025, 'recovery_time', 6, 'more than six months',              4368, 'inf', 'hours', true, 'as above'),
    -- Change failure rate and rework rate as shares of deployments. The report's percentage bands could not be
    -- confirmed from stored text: these doubling bands are Pulse's, chosen to keep the low end fine-grained.
    (2025, 'change_failure_rate', 1, '0–2%',    0,    0.02, 'share', false, 'Pulse approximation; 2025 report bands not confirmed'),
    (2025, 'change_failure_rate', 2, '2–4%',    0.02, 0.04, 'share', false, 'as above'),
    (2025, 'change_failure_rate', 3, '4–8%',    0.04, 0.08, 'share', false, 'as above'),
    (2025, 'change_failure_rate', 4, '8–16%',   0.08, 0.16, 'share', false, 'as above'),
    (2025, 'change_failure_rate', 5, '16–32%',  0.16, 0.32, 'share', false, 'as above'),
    (2025, 'change_failure_rate', 6, '32–64%',  0.32, 0.64, 'share', false, 'as above'),
    (2025, 'change_failure_rate', 7, '64–100%', 0.64, 'inf', 'share', false, 'as above'),
    (2025, 'rework_rate', 1, '0–2%',    0,    0.02, 'share', false, 'Pulse approximation; 2025 report bands not confirmed'),
    (2025, 'rework_rate', 2, '2–4%',    0.02, 0.04, 'share', false, 'as above'),
    (2025, 'rework_rate', 3, '4–8%',    0.04, 0.08, 'share', false, 'as above'),
    (2025, 'rework_rate', 4, '8–16%',   0.08, 0.16, 'share', false, 'as above'),
    (2025, 'rework_rate', 5, '16–32%',  0.16, 0.32, 'share', false, 'as above'),
    (2025, 'rework_rate', 6, '32–64%',  0.32, 0.64, 'share', false, 'as above'),
    (2025, 'rework_rate', 7, '64–100%', 0.64, 'inf', 'share', false, 'as above');

-- The centre of each 2025 team profile in standard scores (z, across the organisation's teams that quarter) of eight
-- constructs. Throughput, team and product performance, individual effectiveness and valuable work are better high;
-- instability, friction and burnout are worse high. The report publishes cluster descriptions, not centres: these
-- are Pulse's reading of them (±1 = clearly above or below the others, ±0.5 = somewhat, 0 = around the middle);
-- docs/metrics.md gives the reasoning per profile.
CREATE TABLE dora_profiles (
    report_year              INTEGER NOT NULL,
    profile                  VARCHAR NOT NULL,
    rank                     INTEGER NOT NULL,
    name                     VARCHAR NOT NULL,
    throughput               DOUBLE NOT NULL,
    instability              DOUBLE NOT NULL,
    team_performance         DOUBLE NOT NULL,
    product_performance      DOUBLE NOT NULL,
    individual_effectiveness DOUBLE NOT NULL,
    valuable_work            DOUBLE NOT NULL,
    friction                 DOUBLE NOT NULL,
    burnout                  DOUBLE NOT NULL,
    source                   VARCHAR NOT NULL,
    PRIMARY KEY (report_year, profile)
);

INSERT INTO dora_profiles VALUES
    (2025, 'foundational_challenges',   1, 'Foundational challenges',    -1.0,  1.0, -1.0, -1.0, -1.0, -1.0,  1.0,  1.0, 'Pulse approximation of the DORA 2025 cluster description'),
    (2025, 'legacy_bottleneck',         2, 'The legacy bottleneck',      -0.5,  1.0, -0.5, -1.0, -0.5, -0.5,  0.5,  1.0, 'Pulse approximation of the DORA 2025 cluster description'),
    (2025, 'constrained_by_process',    3, 'Constrained by process',     -0.5, -0.5, -0.5,  0.0, -0.5, -1.0,  1.0,  1.0, 'Pulse approximation of the DORA 2025 cluster description'),
    (2025, 'high_impact_low_cadence',   4, 'High impact, low cadence',   -1.0,  1.0,  0.5,  1.0,  0.5,  0.5,  0.0,  0.0, 'Pulse approximation of the DORA 2025 cluster description'),
    (2025, 'stable_and_methodical',     5, 'Stable and methodical',      -0.5, -1.0,  0.5,  0.5,  0.5,  0.5, -0.5, -0.5, 'Pulse approximation of the DORA 2025 cluster description'),
    (2025, 'pragmatic_performers',      6, 'Pragmatic performers',        1.0, -0.5,  0.5,  0.5,  0.5,  0.0,  0.0,  0.0, 'Pulse approximation of the DORA 2025 cluster description'),
    (2025, 'harmonious_high_achievers', 7, 'Harmonious high-achievers',   1.0, -1.0,  1.0,  1.0,  1.0,  1.0, -1.0, -1.0, 'Pulse approximation of the DORA 2025 cluster description');
