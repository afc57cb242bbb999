-- AI coding assistant survey items per wave, for the organisation and each team: mean hours saved per week (each
-- option of ai_time_saved taken as the hours of its middle: None 0, <1 h 0.5, 1–2 h 1.5, 2–4 h 3, 4–8 h 6, >8 h 10)
-- and trust (ai_trust, 1–5): mean and % favourable (4 or 5). Groups below k respondents are suppressed with their
-- smallest siblings (see is_suppressed), decided over every team before narrowing to $team, as devex_scores does.
-- Parameters: $from, $to (waves opening in the range), $team, $k.
WITH answers AS (
    SELECT w.wave_id, w.name AS wave_name, w.opens_at, greatest(w.min_group_size, $k) AS k, r.team_id, r.response_id,
           CASE WHEN a.question_id = 'ai_time_saved'
                THEN [0.0, 0.5, 1.5, 3.0, 6.0, 10.0][list_position(q.options, a.choice_values[1])] END AS hours,
           CASE WHEN a.question_id = 'ai_trust' THEN a.numeric_value END AS trust
    FROM survey_answers a
    JOIN shown_responses() r USING (response_id)
    JOIN survey_waves w USING (wave_id)
    JOIN survey_questions q ON q.survey_id = w.survey_id AND q.question_id = a.question_id
    WHERE a.question_id IN ('ai_time_saved', 'ai_trust')
      AND w.opens_at >= CAST($from AS TIMESTAMPTZ) AND w.opens_at < CAST($to AS TIMESTAMPTZ)
),
groups AS (
    SELECT wave_id, any_value(wave_name) AS wave_name, any_value(opens_at) AS opens_at, any_value(k) AS k,
           CASE WHEN grouping(team_id) = 1 THEN 'organisation' ELSE 'team' END AS level, team_id,
           count(DISTINCT response_id) AS n,
           avg(hours) AS hours,
           avg(trust) AS trust,
           count(trust) FILTER (trust >= 4) / nullif(count(trust), 0) AS favourable
    FROM answers
    GROUP BY GROUPING SETS ((wave_id), (wave_id, team_id))
),
ranked AS (
    SELECT *,
           bool_or(n < k) OVER siblings AS any_small,
           sum(n) OVER (siblings ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS n_before,
           row_number() OVER siblings AS size_rank
    FROM groups
    WINDOW siblings AS (PARTITION BY wave_id, level ORDER BY n, team_id)
),
scored AS (
    SELECT *, level = 'team' AND is_suppressed(n, k, any_small, n_before, size_rank) OR (level = 'organisation' AND n < k) AS suppressed
    FROM ranked
)
SELECT wave_id AS WaveId, wave_name AS WaveName, opens_at AS OpensAt, level AS Level, team_id AS TeamId, suppressed AS Suppressed,
       CASE WHEN NOT suppressed THEN n END AS Respondents,
       CASE WHEN NOT suppressed THEN hours END AS MeanHoursSavedPerWeek,
       CASE WHEN NOT suppressed THEN trust END AS MeanTrust,
       CASE WHEN NOT suppressed THEN 100 * favourable END AS TrustFavourablePercent
FROM scored
WHERE $team IS NULL OR (level = 'team' AND team_id = $team)
ORDER BY OpensAt, Level, TeamId NULLS FIRST;
