-- Where lead time goes, per period of the shipping deployment: median hours of coding (first commit → pull
-- request opened), pickup (→ first review), review (→ merged) and deploy (merged → in production). Pull and
-- merge requests only; a stage with a missing timestamp is left out of that stage's median.
-- Parameters: $from, $to, $grain, $tz, $team.
WITH stages AS (
    SELECT p.period_start, s.team_id,
           (epoch(c.opened_at) - epoch(c.first_commit_at)) / 3600.0 AS coding,
           (epoch(c.first_review_at) - epoch(c.opened_at)) / 3600.0 AS pickup,
           (epoch(c.merged_at) - epoch(c.first_review_at)) / 3600.0 AS review,
           (epoch(c.deployed_at) - epoch(c.merged_at)) / 3600.0 AS deploy
    FROM changes c
    JOIN services s USING (service_id)
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON c.deployed_at >= p.starts_at
    WHERE c.kind IN ('pull_request', 'merge_request')
      AND in_period(c.deployed_at, $from, $to, $tz)
      AND ($team IS NULL OR s.team_id = $team)
)
SELECT CASE WHEN grouping(team_id) = 1 THEN 'organisation' ELSE 'team' END AS Level,
       team_id AS TeamId,
       period_start AS PeriodStart,
       count(*) AS Changes,
       quantile_cont(coding, 0.5) AS CodingHours,
       quantile_cont(pickup, 0.5) AS PickupHours,
       quantile_cont(review, 0.5) AS ReviewHours,
       quantile_cont(deploy, 0.5) AS DeployHours
FROM stages
GROUP BY GROUPING SETS ((period_start), (period_start, team_id))
ORDER BY PeriodStart, Level, TeamId NULLS FIRST;
