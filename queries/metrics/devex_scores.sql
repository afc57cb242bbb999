-- DevEx survey scores per wave, for the organisation and each team: for every Likert item group — a DevEx
-- dimension (feedback_loops, cognitive_load, flow, or a custom one), CSAT per platform capability, and each
-- path-to-production journey stage — the mean (1–5) and % favourable (4 or 5), over respondents. Groups below k
-- respondents are suppressed with their smallest siblings (see is_suppressed).
-- Suppression is decided over every team of the wave and only then narrowed to $team, so that a team hidden in
-- the organisation view (to protect a smaller sibling) is hidden in its own run too; a team run returns the
-- team's rows only (level 'team'), never the organisation's.
-- An open wave's answers count once their team has given k of them since the last step (shown_responses).
-- Parameters: $from, $to (waves opening in the range), $team (NULL = the organisation and every team), $k.
WITH answers AS (
    SELECT w.wave_id, w.name AS wave_name, w.opens_at, greatest(w.min_group_size, $k) AS k, r.team_id,
           q.dimension, coalesce(q.capability, '') AS item, r.response_id, a.numeric_value AS score
    FROM survey_answers a
    JOIN shown_responses() r USING (response_id)
    JOIN survey_waves w USING (wave_id)
    JOIN survey_questions q ON q.survey_id = w.survey_id AND q.question_id = a.question_id
    WHERE q.kind = 'likert' AND a.numeric_value IS NOT NULL AND q.dimension IS NOT NULL
      AND w.opens_at >= CAST($from AS TIMESTAMPTZ) AND w.opens_at < CAST($to AS TIMESTAMPTZ)
),
groups AS (
    SELECT wave_id, any_value(wave_name) AS wave_name, any_value(opens_at) AS opens_at, any_value(k) AS k,
           CASE WHEN grouping(team_id) = 1 THEN 'organisation' ELSE 'team' END AS level, team_id, dimension, item,
           count(DISTINCT response_id) AS n,
           avg(score) AS mean,
           count(*) FILTER (score >= 4) / count(*) AS favourable
    FROM answers
    GROUP BY GROUPING SETS ((wave_id, dimension, item), (wave_id, team_id, dimension, item))
),
ranked AS (
    SELECT *,
           bool_or(n < k) OVER siblings AS any_small,
           sum(n) OVER (siblings ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS n_before,
           row_number() OVER siblings AS size_rank
    FROM groups
    WINDOW siblings AS (PARTITION BY wave_id, level, dimension, item ORDER BY n, team_id)
),
scored AS (
    SELECT *, level = 'team' AND is_suppressed(n, k, any_small, n_before, size_rank) OR (level = 'organisation' AND n < k) AS suppressed
    FROM ranked
)
SELECT wave_id AS WaveId, wave_name AS WaveName, opens_at AS OpensAt, level AS Level, team_id AS TeamId,
       dimension AS Dimension, nullif(item, '') AS Item, suppressed AS Suppressed,
       CASE WHEN NOT suppressed THEN n END AS Respondents,
       CASE WHEN NOT suppressed THEN mean END AS Mean,
       CASE WHEN NOT suppressed THEN 100 * favourable END AS FavourablePercent
FROM scored
WHERE $team IS NULL OR (level = 'team' AND team_id = $team)
ORDER BY OpensAt, Dimension, Item, Level, TeamId NULLS FIRST;
