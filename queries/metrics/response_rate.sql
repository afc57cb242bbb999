-- Survey response rate per wave, for the organisation and each team: responses ÷ engineers employed when the
-- wave opened (in its audience). Teams with fewer than k responses are suppressed with their smallest siblings.
-- Suppression is decided over every team of the wave and only then narrowed to $team, so that a team hidden in
-- the organisation view (to protect a smaller sibling) is hidden in its own run too; a team run returns the
-- team's rows only (level 'team'), never the organisation's.
-- Parameters: $from, $to (waves opening in the range), $team (NULL = the organisation and every team), $k.
WITH invited AS (
    SELECT w.wave_id, e.team_id, count(*) AS head_count
    FROM survey_waves w
    JOIN engineers e ON e.start_date <= CAST(w.opens_at AS DATE) AND (e.end_date IS NULL OR e.end_date > CAST(w.opens_at AS DATE))
    WHERE (w.audience_team_ids IS NULL OR list_contains(w.audience_team_ids, e.team_id))
      AND w.opens_at >= CAST($from AS TIMESTAMPTZ) AND w.opens_at < CAST($to AS TIMESTAMPTZ)
    GROUP BY ALL
),
responded AS (
    SELECT wave_id, team_id, count(*) AS responses
    FROM survey_responses
    GROUP BY ALL
),
groups AS (
    SELECT i.wave_id, CASE WHEN grouping(i.team_id) = 1 THEN 'organisation' ELSE 'team' END AS level, i.team_id,
           sum(i.head_count) AS invited, coalesce(sum(r.responses), 0) AS n
    FROM invited i
    LEFT JOIN responded r USING (wave_id, team_id)
    GROUP BY GROUPING SETS ((i.wave_id), (i.wave_id, i.team_id))
),
ranked AS (
    SELECT g.*, w.name AS wave_name, w.opens_at, greatest(w.min_group_size, $k) AS k,
           bool_or(n < greatest(w.min_group_size, $k)) OVER siblings AS any_small,
           sum(n) OVER (siblings ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS n_before,
           row_number() OVER siblings AS size_rank
    FROM groups g
    JOIN survey_waves w USING (wave_id)
    WINDOW siblings AS (PARTITION BY g.wave_id, g.level ORDER BY g.n, g.team_id)
),
scored AS (
    SELECT *, level = 'team' AND is_suppressed(n, k, any_small, n_before, size_rank) OR (level = 'organisation' AND n < k) AS suppressed
    FROM ranked
)
SELECT wave_id AS WaveId, wave_name AS WaveName, opens_at AS OpensAt, level AS Level, team_id AS TeamId,
       suppressed AS Suppressed,
       CAST(invited AS BIGINT) AS Invited,
       CASE WHEN NOT suppressed THEN CAST(n AS BIGINT) END AS Responses,
       CASE WHEN NOT suppressed THEN 100 * n / invited END AS RatePercent
FROM scored
WHERE $team IS NULL OR (level = 'team' AND team_id = $team)
ORDER BY OpensAt, Level, TeamId NULLS FIRST;
