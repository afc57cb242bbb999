-- Releases every held response of a wave, when it closes: a closed wave takes no more answers to compare with.
DELETE FROM survey_held_responses WHERE wave_id = $wave_id;
