DELETE FROM survey_questions WHERE survey_id = $survey_id AND question_id = $question_id;
