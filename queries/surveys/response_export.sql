-- A wave's answers without identities: no engineer, no response id, only the day, in a random order so that
-- row order says nothing about who answered when. Teams with fewer than k responses are shown as blank.
WITH responses AS (
    SELECT r.response_id, CAST(r.submitted_at AT TIME ZONE 'UTC' AS DATE) AS submitted_on, r.team_id,
           count(*) OVER (PARTITION BY r.team_id) AS team_responses, w.min_group_size AS k
    FROM survey_responses r
    JOIN survey_waves w USING (wave_id)
    WHERE r.wave_id = $wave_id
)
SELECT md5(CAST(r.response_id AS VARCHAR) || $salt) AS RowKey, strftime(r.submitted_on, '%Y-%m-%d') AS SubmittedOn,
       CASE WHEN r.team_responses >= greatest(r.k, $k) THEN t.name END AS Team,
       a.question_id AS QuestionId, a.numeric_value AS NumericValue, a.choice_values AS ChoiceValues, a.text_value AS TextValue
FROM responses r
LEFT JOIN teams t ON t.team_id = r.team_id
JOIN survey_answers a ON a.response_id = r.response_id
ORDER BY RowKey, QuestionId;
