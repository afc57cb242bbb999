-- What the database holds for one team ($team), for a team report's cover and methodology: how many records of
-- each kind and their span. Deployments, changes and incidents count through the team's services; work items the
-- team owns or asked for; survey responses its members gave, withheld (NULL) below $k like every survey figure.
SELECT 'Deployments' AS Kind, count(*) AS Records, min(d.started_at) AS First, max(d.started_at) AS Last
FROM deployments d JOIN services s USING (service_id) WHERE s.team_id = $team
UNION ALL SELECT 'Changes', count(*), min(c.merged_at), max(c.merged_at)
FROM changes c JOIN services s USING (service_id) WHERE s.team_id = $team
UNION ALL SELECT 'Incidents', count(*), min(i.opened_at), max(i.opened_at)
FROM incidents i JOIN services s USING (service_id) WHERE s.team_id = $team
UNION ALL SELECT 'Work items', count(*), min(created_at), max(created_at)
FROM work_items WHERE team_id = $team OR requester_team_id = $team
UNION ALL SELECT 'Survey responses', CASE WHEN count(*) >= $k THEN count(*) END,
       CASE WHEN count(*) >= $k THEN min(submitted_at) END, CASE WHEN count(*) >= $k THEN max(submitted_at) END
FROM survey_responses WHERE team_id = $team;
