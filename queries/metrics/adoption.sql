-- Platform adoption at the end of each period, for the organisation and each team: active services on the
-- platform (onboarded before the period ended) ÷ active services, and, for the organisation, teams with at
-- least one service on the platform ÷ teams with an active service. The platform team's own services count.
-- Parameters: $from, $to, $grain, $tz, $team.
WITH bounds AS (
    -- range_end: the day after the period, or the end of the range when the period runs past it.
    SELECT period_start, range_end AS period_end FROM period_bounds($from, $to, $grain, $tz)
),
active AS (
    SELECT b.period_start, s.team_id, s.service_id, s.onboarded_on IS NOT NULL AND s.onboarded_on < b.period_end AS adopted
    FROM bounds b
    JOIN services s ON (s.created_on IS NULL OR s.created_on < b.period_end) AND (s.retired_on IS NULL OR s.retired_on >= b.period_end)
    WHERE ($team IS NULL OR s.team_id = $team)
),
per_team AS (
    SELECT period_start, team_id, count(*) AS services, count(*) FILTER (adopted) AS adopted_services
    FROM active
    GROUP BY ALL
)
SELECT CASE WHEN grouping(team_id) = 1 THEN 'organisation' ELSE 'team' END AS Level,
       team_id AS TeamId,
       period_start AS PeriodStart,
       CAST(sum(services) AS BIGINT) AS ActiveServices,
       CAST(sum(adopted_services) AS BIGINT) AS AdoptedServices,
       sum(adopted_services) / sum(services) AS ServiceShare,
       count(*) AS ActiveTeams,
       count(*) FILTER (adopted_services > 0) AS AdoptedTeams,
       count(*) FILTER (adopted_services > 0) / count(*) AS TeamShare
FROM per_team
GROUP BY GROUPING SETS ((period_start), (period_start, team_id))
ORDER BY PeriodStart, Level, TeamId NULLS FIRST;
