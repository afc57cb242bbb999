UPDATE survey_questions
SET text = $text, help_text = $help_text, required = $required, options = $options, low_label = $low_label, high_label = $high_label
WHERE survey_id = $survey_id AND question_id = $question_id;
