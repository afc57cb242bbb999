-- Free-text answers given in waves that opened in the range (optionally one team's), for the friction themes;
-- an open wave's only once released in a step of k (shown_responses).
SELECT a.text_value
FROM survey_answers a
JOIN shown_responses() r USING (response_id)
JOIN survey_waves w USING (wave_id)
JOIN survey_questions q ON q.survey_id = w.survey_id AND q.question_id = a.question_id
WHERE q.dimension = 'free_text' AND a.text_value IS NOT NULL
  AND w.opens_at >= CAST($from AS TIMESTAMPTZ) AND w.opens_at < CAST($to AS TIMESTAMPTZ)
  AND ($team IS NULL OR r.team_id = $team);
