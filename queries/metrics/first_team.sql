SELECT min(team_id) FROM teams;
