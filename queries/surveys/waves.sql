SELECT wave_id AS WaveId, survey_id AS SurveyId, name AS Name, opens_at AS OpensAt, closes_at AS ClosesAt, is_anonymous AS IsAnonymous,
       min_group_size AS MinGroupSize, audience_team_ids AS AudienceTeamIds, status AS Status, optional_blocks AS OptionalBlocks
FROM survey_waves
WHERE survey_id = $survey_id
ORDER BY opens_at DESC, wave_id;
