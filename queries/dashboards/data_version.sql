-- A fingerprint of the data the metrics read: it changes whenever an ingestion run ends (files, syncs, pushed
-- events and the demo loader all record one), a survey answer is stored or released, or the catalog or the
-- delivery rules change. The dashboards drop their cached results when it does.
SELECT concat_ws('/',
    (SELECT count(*) FROM ingestion_runs), (SELECT max(finished_at) FROM ingestion_runs),
    (SELECT count(*) FROM survey_responses), (SELECT count(*) FROM survey_held_responses),
    (SELECT count(*) FROM survey_waves), (SELECT max(updated_at) FROM teams), (SELECT max(updated_at) FROM services),
    (SELECT max(updated_at) FROM engineers), (SELECT count(*) FROM delivery_settings));
