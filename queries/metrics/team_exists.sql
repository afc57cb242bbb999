SELECT EXISTS (SELECT 1 FROM teams WHERE team_id = $team);
