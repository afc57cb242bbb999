-- The changes a team's median lead time counts over [$from, $to): changes that are not commits of a pull or merge
-- request, with a first commit, shipped by a release that went out in the period (in $tz) no earlier than that
-- commit, of the team's services — the same rules as the shipped changes of queries/metrics/lead_time.sql. Lead
-- time in hours (first commit to the release going out). Newest release first, one page.
-- Parameters: $from, $to, $tz, $team, $limit, $offset.
SELECT c.change_id AS ChangeId, c.kind AS Kind, c.service_id AS ServiceId, c.repository AS Repository, c.title AS Title,
       c.sha AS Sha, c.first_commit_at AS FirstCommitAt, c.merged_at AS MergedAt, c.deployed_at AS DeployedAt,
       c.deployment_id AS DeploymentId, c.linked_by AS LinkedBy, c.source AS Source,
       (epoch(c.deployed_at) - epoch(c.first_commit_at)) / 3600.0 AS LeadTimeHours
FROM changes c
JOIN services s USING (service_id)
WHERE c.parent_change_id IS NULL
  AND c.first_commit_at IS NOT NULL
  AND c.deployed_at >= c.first_commit_at
  AND in_period(c.deployed_at, $from, $to, $tz)
  AND s.team_id = $team
ORDER BY c.deployed_at DESC, c.change_id
LIMIT $limit OFFSET $offset;
