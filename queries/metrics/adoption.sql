-- Platform adoption at the end of each period, for the organisation and each team: services in production on the
-- platform (onboarded before the period ended) ÷ services in production, and teams with at least one production
-- service on the platform ÷ teams with a production service. Experimental services are in neither share — an
-- experiment on the platform is not adoption — and are counted on their own line; deprecated services (and any
-- other lifecycle) are in no figure. The lifecycle is the catalog's current one. The platform team's own
-- services count.
-- Parameters: $from, $to, $grain, $tz, $team.
WITH bounds AS (
    -- range_end: the day after the period, or the end of the range when the period runs past it.
    SELECT period_start, range_end AS period_end FROM period_bounds($from, $to, $grain, $tz)
),
active AS (
    SELECT b.period_start, s.team_id, s.service_id, is_production(s.lifecycle) AS in_production,
           s.onboarded_on IS NOT NULL AND s.onboarded_on < b.period_end AS adopted
    FROM bounds b
    JOIN services s ON (s.created_on IS NULL OR s.created_on < b.period_end) AND (s.retired_on IS NULL OR s.retired_on >= b.period_end)
    WHERE ($team IS NULL OR s.team_id = $team)
      AND (is_production(s.lifecycle) OR is_experimental(s.lifecycle))
),
per_team AS (
    SELECT period_start, team_id,
           count(*) FILTER (in_production) AS services,
           count(*) FILTER (in_production AND adopted) AS adopted_services,
           count(*) FILTER (NOT in_production) AS experimental_services,
           count(*) FILTER (NOT in_production AND adopted) AS experimental_adopted
    FROM active
    GROUP BY ALL
)
-- A team with experiments only has a row for its experimental line, with no shares.
SELECT CASE WHEN grouping(team_id) = 1 THEN 'organisation' ELSE 'team' END AS Level,
       team_id AS TeamId,
       period_start AS PeriodStart,
       CAST(sum(services) AS BIGINT) AS ActiveServices,
       CAST(sum(adopted_services) AS BIGINT) AS AdoptedServices,
       sum(adopted_services) / nullif(sum(services), 0) AS ServiceShare,
       count(*) FILTER (services > 0) AS ActiveTeams,
       count(*) FILTER (adopted_services > 0) AS AdoptedTeams,
       count(*) FILTER (adopted_services > 0) / nullif(count(*) FILTER (services > 0), 0) AS TeamShare,
       CAST(sum(experimental_services) AS BIGINT) AS ExperimentalServices,
       CAST(sum(experimental_adopted) AS BIGINT) AS ExperimentalAdoptedServices
FROM per_team
GROUP BY GROUPING SETS ((period_start), (period_start, team_id))
ORDER BY PeriodStart, Level, TeamId NULLS FIRST;
