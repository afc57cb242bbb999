-- Survey response rate per wave, for the organisation and each team: responses ÷ engineers employed when the
-- wave opened (in its audience). Teams with fewer than k responses are suppressed with their smallest siblings,
-- as decided by wave_response_groups (queries/schema/0009_survey_privacy.sql), which the responses export reads
-- too. Suppression is decided over every team of the wave and only then narrowed to $team, so that a team
-- hidden in the organisation view (to protect a smaller sibling) is hidden in its own run too; a team run
-- returns the team's rows only (level 'team'), never the organisation's.
-- Parameters: $from, $to (waves opening in the range), $team (NULL = the organisation and every team), $k
-- (minimum group size; a wave's own is used when larger).
SELECT g.wave_id AS WaveId, w.name AS WaveName, w.opens_at AS OpensAt, g.level AS Level, g.team_id AS TeamId,
       g.suppressed AS Suppressed,
       CAST(g.invited AS BIGINT) AS Invited,
       CASE WHEN NOT g.suppressed THEN CAST(g.n AS BIGINT) END AS Responses,
       CASE WHEN NOT g.suppressed THEN 100 * g.n / g.invited END AS RatePercent
FROM wave_response_groups($k) g
JOIN survey_waves w USING (wave_id)
WHERE w.opens_at >= CAST($from AS TIMESTAMPTZ) AND w.opens_at < CAST($to AS TIMESTAMPTZ)
  AND ($team IS NULL OR (g.level = 'team' AND g.team_id = $team))
ORDER BY OpensAt, Level, TeamId NULLS FIRST;
