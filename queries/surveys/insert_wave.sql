INSERT INTO survey_waves (wave_id, survey_id, name, opens_at, closes_at, is_anonymous, min_group_size, audience_team_ids, status, optional_blocks)
VALUES ($wave_id, $survey_id, $name, $opens_at, $closes_at, $is_anonymous, $min_group_size, $audience_team_ids, $status, $optional_blocks);
