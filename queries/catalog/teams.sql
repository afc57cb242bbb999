-- The catalog's teams, for the API.
SELECT team_id AS TeamId, name AS Name, parent_team_id AS ParentTeamId, is_platform_team AS IsPlatformTeam
FROM teams
ORDER BY team_id;
