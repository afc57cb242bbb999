-- How many of a wave's personal links would still open the survey: unused and not expired.
SELECT count(*) FROM survey_invitations
WHERE wave_id = $wave_id AND used_at IS NULL AND expires_at > $now;
