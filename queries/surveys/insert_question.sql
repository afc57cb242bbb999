INSERT INTO survey_questions (survey_id, question_id, position, kind, text, help_text, required, dimension, capability, options, low_label, high_label, block, grid, row_label)
VALUES ($survey_id, $question_id, $position, $kind, $text, $help_text, $required, $dimension, $capability, $options, $low_label, $high_label, $block, $grid, $row_label);
