-- The engineers a wave invites: employed today, in its audience teams (every team when it names none).
SELECT e.engineer_id AS EngineerId, e.display_name AS DisplayName, e.email AS Email, e.team_id AS TeamId, t.name AS TeamName
FROM survey_waves w
JOIN engineers e ON w.audience_team_ids IS NULL OR list_contains(w.audience_team_ids, e.team_id)
JOIN teams t ON t.team_id = e.team_id
WHERE w.wave_id = $wave_id
  AND e.start_date <= CAST($now AS DATE) AND (e.end_date IS NULL OR e.end_date > CAST($now AS DATE))
  AND NOT EXISTS (
      SELECT 1 FROM survey_invitations i
      WHERE i.wave_id = w.wave_id AND i.engineer_id = e.engineer_id AND i.used_at IS NOT NULL)
ORDER BY t.name, e.display_name;
