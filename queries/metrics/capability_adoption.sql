-- Adoption per platform capability at the end of each period: services in production that had adopted the
-- capability ÷ services in production, for the organisation. Experimental and deprecated services are left out,
-- as in adoption.sql.
-- Parameters: $from, $to, $grain, $tz, $team.
WITH bounds AS (
    -- range_end: the day after the period, or the end of the range when the period runs past it.
    SELECT period_start, range_end AS period_end FROM period_bounds($from, $to, $grain, $tz)
),
active AS (
    SELECT b.period_start, b.period_end, s.service_id
    FROM bounds b
    JOIN services s ON (s.created_on IS NULL OR s.created_on < b.period_end) AND (s.retired_on IS NULL OR s.retired_on >= b.period_end)
    WHERE ($team IS NULL OR s.team_id = $team) AND is_production(s.lifecycle)
),
capabilities AS (SELECT DISTINCT capability FROM service_capabilities)
SELECT a.period_start AS PeriodStart,
       c.capability AS Capability,
       count(*) AS ActiveServices,
       count(sc.service_id) AS AdoptedServices,
       count(sc.service_id) / count(*) AS Share
FROM active a
CROSS JOIN capabilities c
LEFT JOIN service_capabilities sc ON sc.service_id = a.service_id AND sc.capability = c.capability AND sc.adopted_on < a.period_end
GROUP BY ALL
ORDER BY PeriodStart, Capability;
