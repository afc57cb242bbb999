SELECT team_id AS Id, name AS Name FROM teams ORDER BY team_id;
