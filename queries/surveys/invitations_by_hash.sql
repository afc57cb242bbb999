SELECT token_hash AS TokenHash, wave_id AS WaveId, engineer_id AS EngineerId, team_id AS TeamId,
       expires_at AS ExpiresAt, used_at AS UsedAt
FROM survey_invitations
WHERE token_hash IN (SELECT unnest($token_hashes));
