-- The version of the data a quarter's full metric set is computed from, for the report's metric-set cache: it
-- changes whenever a load or a survey adds or updates any record a metric reads. Delivery rows are counted with
-- their latest ingestion time and the finished ingestion runs (as in series_version.sql); the small tables that
-- change in place (teams, waves, engineers, capabilities, thresholds, delivery rules) are hashed whole, row by row;
-- held survey answers are counted, since releasing them changes what the survey metrics show; the assistant tables
-- (seats, seat activity, daily usage, change signals) are counted too, for the AI-assisted figures. The dashboards'
-- cache uses it too.
SELECT concat_ws('/',
    (SELECT count(*) FROM deployments), (SELECT max(ingested_at) FROM deployments),
    (SELECT count(*) FROM changes), (SELECT max(ingested_at) FROM changes),
    (SELECT count(*) FROM incidents), (SELECT max(ingested_at) FROM incidents),
    (SELECT count(*) FROM work_items), (SELECT max(ingested_at) FROM work_items),
    (SELECT count(*) FROM services),
    (SELECT count(*) FROM ingestion_runs WHERE finished_at IS NOT NULL),
    (SELECT coalesce(sum(rows_updated), 0) FROM ingestion_runs),
    (SELECT count(*) FROM survey_responses), (SELECT count(*) FROM survey_answers),
    (SELECT count(*) FROM survey_invitations), (SELECT count(*) FROM moment_ratings), (SELECT count(*) FROM survey_held_responses),
    (SELECT bit_xor(hash(w)) FROM survey_waves w), (SELECT bit_xor(hash(t)) FROM teams t),
    (SELECT bit_xor(hash(e)) FROM engineers e), (SELECT bit_xor(hash(c)) FROM service_capabilities c),
    (SELECT bit_xor(hash(d)) FROM dora_thresholds d), (SELECT bit_xor(hash(r)) FROM delivery_settings r),
    (SELECT count(*) FROM ai_seats), (SELECT max(ingested_at) FROM ai_seats), (SELECT count(*) FROM ai_seat_activity),
    (SELECT count(*) FROM ai_usage_daily), (SELECT max(ingested_at) FROM ai_usage_daily), (SELECT count(*) FROM change_signals)) AS Version;
