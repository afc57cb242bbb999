-- Marks the seeded pull requests written with an assistant: of each adopting team's pull requests merged on or after
-- its adoption day, those whose id hashes into the first $share_percent of a hundred get a Copilot co-author trailer
-- (deterministic: the same seed gives the same changes). Before adoption, 3% do (early experiments).
-- Parameters: $teams, $adopted_on (parallel lists: team id, adoption day), $share_percent, $trailer.
INSERT INTO change_signals
SELECT c.change_id, 'trailer', $trailer
FROM changes c
JOIN services s USING (service_id)
JOIN (SELECT unnest($teams) AS team_id, CAST(unnest($adopted_on) AS DATE) AS adopted_on) a USING (team_id)
WHERE c.kind = 'pull_request' AND c.merged_at IS NOT NULL
  AND hash(c.change_id) % 100 < CASE WHEN c.merged_at >= CAST(a.adopted_on AS TIMESTAMPTZ) THEN $share_percent ELSE 3 END;
