-- Moves a wave one step along draft → open → closed; returns nothing when it is not in the expected state.
UPDATE survey_waves SET status = $status
WHERE wave_id = $wave_id AND status = $expected
RETURNING wave_id;
