-- The owning team of each Jira project, as earlier imports (for example from the catalog's jira/project-key
-- annotation) recorded it; the connector's Pulse:Sources:Jira:ProjectTeams overrides it.
SELECT project AS Project, any_value(team_id) AS Team
FROM work_items
WHERE team_id IS NOT NULL AND source = 'jira'
GROUP BY project;
