SELECT team_id AS TeamId, name AS Name FROM teams WHERE team_id = $team_id;
