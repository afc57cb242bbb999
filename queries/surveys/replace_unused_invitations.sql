-- Remembers the fingerprints of a wave's unused links before new ones replace them (drop_unused_invitations).
INSERT INTO survey_replaced_links (token_hash, wave_id, replaced_at)
SELECT token_hash, wave_id, $now FROM survey_invitations
WHERE wave_id = $wave_id AND used_at IS NULL;
