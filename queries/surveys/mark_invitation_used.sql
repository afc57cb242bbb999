UPDATE survey_invitations SET used_at = $used_at
WHERE token_hash = $token_hash AND used_at IS NULL;
