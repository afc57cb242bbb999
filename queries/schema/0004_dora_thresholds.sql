-- DORA performance levels as data, per State of DevOps report year, so that a newer report's bands are a row
-- change, not a code change. A metric value reaches a level when it meets that level's bound; the published
-- change-failure figures are cluster centres, so the bands below are the edges between them (see docs/metrics.md).
CREATE TABLE dora_thresholds (
    report_year             INTEGER NOT NULL,
    level                   VARCHAR NOT NULL CHECK (level IN ('elite', 'high', 'medium', 'low')),
    rank                    INTEGER NOT NULL,
    min_deploys_per_day     DOUBLE NOT NULL,
    max_lead_time_hours     DOUBLE NOT NULL,
    max_change_failure_rate DOUBLE NOT NULL,
    max_recovery_hours      DOUBLE NOT NULL,
    PRIMARY KEY (report_year, level)
);

INSERT INTO dora_thresholds VALUES
    (2023, 'elite',  4, 1.0,       24,       0.05, 1),
    (2023, 'high',   3, 1.0 / 7,   168,      0.10, 24),
    (2023, 'medium', 2, 1.0 / 30,  720,      0.15, 168),
    (2023, 'low',    1, 0,         'inf',    1.0,  'inf');
