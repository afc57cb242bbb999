INSERT INTO surveys (survey_id, title, description, template, created_at)
VALUES ($survey_id, $title, $description, $template, $created_at);
