-- A wave's answers without identities: no engineer, no response id, only the day (none in an anonymous wave,
-- which keeps none; see 0009_survey_privacy.sql), in a random order so that row order says nothing about who
-- answered when. A team is named only where the wave's response rate shows it
-- (wave_response_groups, with the same k: the wave's own or $k, the organisation's, whichever is larger), so the
-- blank rows never hold exactly one hidden team's answers. An open wave's answers appear in steps of k per team
-- (shown_responses), so that two exports never differ by one answer.
WITH responses AS (
    SELECT r.response_id, CASE WHEN NOT w.is_anonymous THEN CAST(r.submitted_at AT TIME ZONE 'UTC' AS DATE) END AS submitted_on, r.team_id
    FROM shown_responses() r
    JOIN survey_waves w USING (wave_id)
    WHERE r.wave_id = $wave_id
),
shown AS (
    SELECT team_id FROM wave_response_groups($k)
    WHERE wave_id = $wave_id AND level = 'team' AND NOT suppressed
)
SELECT md5(CAST(r.response_id AS VARCHAR) || $salt) AS RowKey, strftime(r.submitted_on, '%Y-%m-%d') AS SubmittedOn,
       CASE WHEN r.team_id IN (SELECT team_id FROM shown) THEN t.name END AS Team,
       a.question_id AS QuestionId, a.numeric_value AS NumericValue, a.choice_values AS ChoiceValues, a.text_value AS TextValue
FROM responses r
LEFT JOIN teams t ON t.team_id = r.team_id
JOIN survey_answers a ON a.response_id = r.response_id
ORDER BY RowKey, QuestionId;
