-- Holds these just-stored responses back from results until their team has k of them (see 0009_survey_privacy.sql).
INSERT INTO survey_held_responses (response_id, wave_id, team_id)
SELECT response_id, wave_id, team_id FROM survey_responses
WHERE response_id IN (SELECT CAST(unnest($response_ids) AS UUID));
