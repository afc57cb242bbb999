INSERT INTO moment_ratings (rating_id, capability, score, team_id, context, rated_at)
VALUES ($rating_id, $capability, $score, $team_id, $context, $rated_at);
