-- Where lead time goes, per period of the shipping deployment: median hours of coding (first commit → pull
-- request opened), pickup (→ first review), review (→ merged) and deploy (merged → in production). Pull and
-- merge requests only; a stage with a missing timestamp is left out of that stage's median, and a change first
-- committed after the deployment that shipped it (a wrong clock or link) is left out, as lead time leaves it out.
-- The stages split each change's lead time (first commit → deployed) at the moments it was opened, first
-- reviewed and merged. Sources record those moments out of order (a draft opened before its first commit, a
-- review after the merge, a deployment of the branch before the merge), so each moment is first taken no later
-- than the moments after it, then no earlier than those before it: no stage is ever negative and the four add
-- up to the lead time. docs/metrics.md ("Lead-time stages") states the cases.
-- Parameters: $from, $to, $grain, $tz, $team.
WITH shipped AS (
    -- Epoch seconds: TIMESTAMPTZ arithmetic goes through ICU's calendar and is many times slower.
    SELECT p.period_start, s.team_id,
           epoch(c.first_commit_at) AS committed, epoch(c.opened_at) AS opened, epoch(c.first_review_at) AS reviewed,
           epoch(c.merged_at) AS merged, epoch(c.deployed_at) AS deployed
    FROM changes c
    JOIN services s USING (service_id)
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON c.deployed_at >= p.starts_at
    WHERE c.kind IN ('pull_request', 'merge_request')
      AND (c.first_commit_at IS NULL OR c.first_commit_at <= c.deployed_at)
      AND in_period(c.deployed_at, $from, $to, $tz)
      AND ($team IS NULL OR s.team_id = $team)
),
capped AS (
    -- No later than what came after: a merge after the deployment counts as at the deployment, a review after
    -- the merge as at the merge (nothing waited for it), an opening after the first review as at that review.
    -- A missing moment takes the next one's place, so the moments around it still line up.
    SELECT *, least(coalesce(merged, deployed), deployed) AS merged_cap
    FROM shipped
),
capped_review AS (
    SELECT *, least(coalesce(reviewed, merged_cap), merged_cap) AS reviewed_cap FROM capped
),
capped_open AS (
    SELECT *, least(coalesce(opened, reviewed_cap), reviewed_cap) AS opened_cap FROM capped_review
),
bounded AS (
    -- No earlier than what came before: a pull request opened before its first commit had nothing to pick up
    -- until then, and lead time starts at the first commit.
    SELECT *, greatest(opened_cap, coalesce(committed, opened_cap)) AS opened_at_least FROM capped_open
),
bounded_review AS (
    SELECT *, greatest(reviewed_cap, opened_at_least) AS reviewed_at_least FROM bounded
),
bounded_merge AS (
    SELECT *, greatest(merged_cap, reviewed_at_least) AS merged_at_least FROM bounded_review
),
stages AS (
    SELECT period_start, team_id,
           CASE WHEN committed IS NOT NULL AND opened IS NOT NULL THEN (opened_at_least - committed) / 3600.0 END AS coding,
           CASE WHEN opened IS NOT NULL AND reviewed IS NOT NULL THEN (reviewed_at_least - opened_at_least) / 3600.0 END AS pickup,
           CASE WHEN reviewed IS NOT NULL AND merged IS NOT NULL THEN (merged_at_least - reviewed_at_least) / 3600.0 END AS review,
           CASE WHEN merged IS NOT NULL THEN (greatest(deployed, merged_at_least) - merged_at_least) / 3600.0 END AS deploy
    FROM bounded_merge
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
