-- New links replace a wave's unused ones: only the newest CSV works, so a leaked older export is harmless.
DELETE FROM survey_invitations WHERE wave_id = $wave_id AND used_at IS NULL;
