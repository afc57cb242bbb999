-- Reopens a closed wave before its end; returns nothing when it is not closed or has ended.
UPDATE survey_waves SET status = 'open'
WHERE wave_id = $wave_id AND status = 'closed' AND closes_at > $now
RETURNING wave_id;
