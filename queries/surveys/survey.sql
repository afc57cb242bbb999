SELECT survey_id AS SurveyId, title AS Title, description AS Description, template AS Template, created_at AS CreatedAt
FROM surveys
WHERE survey_id = $survey_id;
