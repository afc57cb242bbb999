-- Free-text answers given in waves that opened in the range (optionally one team's), for the friction themes;
-- an open wave's only once released in a step of k (shown_responses). Only groups the survey metrics show give
-- their comments: the organisation of a wave that reached k, or in a team's run the team where its response
-- rate is shown (wave_response_groups, with the hidden team's smallest sibling hidden too), so a team report
-- never quotes a group that the organisation view hides.
WITH shown AS (
    SELECT wave_id, team_id
    FROM wave_response_groups($k)
    WHERE NOT suppressed AND level = CASE WHEN $team IS NULL THEN 'organisation' ELSE 'team' END
)
SELECT a.text_value
FROM survey_answers a
JOIN shown_responses() r USING (response_id)
JOIN survey_waves w USING (wave_id)
JOIN survey_questions q ON q.survey_id = w.survey_id AND q.question_id = a.question_id
WHERE q.dimension = 'free_text' AND a.text_value IS NOT NULL
  AND w.opens_at >= CAST($from AS TIMESTAMPTZ) AND w.opens_at < CAST($to AS TIMESTAMPTZ)
  AND ($team IS NULL OR r.team_id = $team)
  AND EXISTS (SELECT 1 FROM shown s WHERE s.wave_id = r.wave_id AND ($team IS NULL OR s.team_id = r.team_id));
