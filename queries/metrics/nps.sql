-- Platform NPS per survey wave, for the organisation and each team: %promoters (9–10) − %detractors (0–6) with
-- n, the 95% margin of error (adjusted Wald, which covers better in small samples, with the finite-population
-- correction when the audience's head count is known; the plain Wald margin alongside), and the change from the
-- previous wave of the same group with its z score (from the plain standard errors). Groups below k respondents
-- are suppressed with their smallest siblings (see is_suppressed), and so is any change that involves a
-- suppressed group.
-- Suppression is decided over every team of the wave and only then narrowed to $team: deciding it among the
-- team's rows alone would show a team that the organisation view hides to protect a smaller sibling, and the
-- organisation's total minus the shown teams would then give the small team away. A team run returns the team's
-- rows only (level 'team'), never the organisation's.
-- An open wave's answers count once their team has given k of them since the last step (shown_responses, see
-- queries/schema/0009_survey_privacy.sql), so its results never move by one answer.
-- Parameters: $from, $to (waves opening in the range; earlier waves are read for the change), $team (NULL = the
-- organisation and every team), $k (minimum group size; a wave's own is used when larger).
WITH answers AS (
    SELECT w.wave_id, w.name AS wave_name, w.opens_at, greatest(w.min_group_size, $k) AS k, r.team_id, a.numeric_value AS score
    FROM survey_answers a
    JOIN shown_responses() r USING (response_id)
    JOIN survey_waves w USING (wave_id)
    JOIN survey_questions q ON q.survey_id = w.survey_id AND q.question_id = a.question_id
    WHERE q.kind = 'nps' AND a.numeric_value IS NOT NULL
      AND w.opens_at < CAST($to AS TIMESTAMPTZ)
),
audience AS (
    -- Head count the wave reached: engineers employed when it opened, per team and in all.
    SELECT w.wave_id, e.team_id, count(*) AS head_count
    FROM survey_waves w
    JOIN engineers e ON e.start_date <= CAST(w.opens_at AS DATE) AND (e.end_date IS NULL OR e.end_date > CAST(w.opens_at AS DATE))
    WHERE w.audience_team_ids IS NULL OR list_contains(w.audience_team_ids, e.team_id)
    GROUP BY GROUPING SETS ((w.wave_id), (w.wave_id, e.team_id))
),
groups AS (
    SELECT wave_id, any_value(wave_name) AS wave_name, any_value(opens_at) AS opens_at, any_value(k) AS k,
           CASE WHEN grouping(team_id) = 1 THEN 'organisation' ELSE 'team' END AS level, team_id,
           count(*) AS n,
           count(*) FILTER (score >= 9) AS promoters,
           count(*) FILTER (score <= 6) AS detractors
    FROM answers
    GROUP BY GROUPING SETS ((wave_id), (wave_id, team_id))
),
ranked AS (
    SELECT g.*, a.head_count,
           bool_or(n < k) OVER siblings AS any_small,
           sum(n) OVER (siblings ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS n_before,
           row_number() OVER siblings AS size_rank
    FROM groups g
    LEFT JOIN audience a ON a.wave_id = g.wave_id AND a.team_id IS NOT DISTINCT FROM g.team_id
    WINDOW siblings AS (PARTITION BY g.wave_id, g.level ORDER BY n, g.team_id)
),
scored AS (
    SELECT *,
           level = 'team' AND is_suppressed(n, k, any_small, n_before, size_rank) OR (level = 'organisation' AND n < k) AS suppressed,
           promoters / n AS p, detractors / n AS d,
           (promoters + 0.75) / (n + 3) AS p_adj, (detractors + 0.75) / (n + 3) AS d_adj
    FROM ranked
),
measured AS (
    SELECT *,
           100 * (p - d) AS nps,
           sqrt((p + d - (p - d) ^ 2) / n) AS se,
           CASE WHEN head_count > 1 AND head_count >= n THEN sqrt((head_count - n) / (head_count - 1)) ELSE 1 END AS fpc,
           sqrt((p_adj + d_adj - (p_adj - d_adj) ^ 2) / (n + 3)) AS se_adj
    FROM scored
),
compared AS (
    SELECT *,
           lag(nps) OVER history AS previous_nps,
           lag(se) OVER history AS previous_se,
           lag(suppressed) OVER history AS previous_suppressed
    FROM measured
    WINDOW history AS (PARTITION BY level, team_id ORDER BY opens_at)
)
SELECT wave_id AS WaveId, wave_name AS WaveName, opens_at AS OpensAt, level AS Level, team_id AS TeamId,
       suppressed AS Suppressed,
       CASE WHEN NOT suppressed THEN n END AS Respondents,
       CASE WHEN NOT suppressed THEN nps END AS Nps,
       CASE WHEN NOT suppressed THEN 100 * p END AS PromoterPercent,
       CASE WHEN NOT suppressed THEN 100 * d END AS DetractorPercent,
       CASE WHEN NOT suppressed THEN 196 * se_adj * fpc END AS MarginOfError,
       CASE WHEN NOT suppressed THEN 196 * se END AS WaldMarginOfError,
       CASE WHEN NOT suppressed AND NOT previous_suppressed THEN nps - previous_nps END AS Change,
       CASE WHEN NOT suppressed AND NOT previous_suppressed AND (se > 0 OR previous_se > 0)
            THEN (nps - previous_nps) / (100 * sqrt(se ^ 2 + previous_se ^ 2)) END AS ChangeZ
FROM compared
WHERE opens_at >= CAST($from AS TIMESTAMPTZ)
  AND ($team IS NULL OR (level = 'team' AND team_id = $team))
ORDER BY OpensAt, Level, TeamId NULLS FIRST;
