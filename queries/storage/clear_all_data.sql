-- Empties every data table (not schema_migrations, nor admin_audit_log: new data does not undo what admins did),
-- for 'analytics seed --replace'. Runs inside the seeding transaction, so a failed seed restores what was there.
DELETE FROM teams;
DELETE FROM services;
DELETE FROM service_capabilities;
DELETE FROM engineers;
DELETE FROM deployments;
DELETE FROM changes;
DELETE FROM incidents;
DELETE FROM work_items;
DELETE FROM surveys;
DELETE FROM survey_questions;
DELETE FROM survey_waves;
DELETE FROM survey_invitations;
DELETE FROM survey_responses;
DELETE FROM survey_answers;
DELETE FROM survey_held_responses;
DELETE FROM survey_replaced_links;
DELETE FROM moment_ratings;
DELETE FROM ingestion_runs;
DELETE FROM ingestion_watermarks;
DELETE FROM dead_letters;
DELETE FROM ai_usage_daily;
DELETE FROM ai_seats;
DELETE FROM ai_seat_activity;
DELETE FROM change_signals;
