SELECT coalesce(max(position), 0) + 1 FROM survey_questions WHERE survey_id = $survey_id;
