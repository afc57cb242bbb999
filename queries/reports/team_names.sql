SELECT team_id AS TeamId, name AS Name FROM teams ORDER BY name;
