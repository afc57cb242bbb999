SELECT survey_id AS SurveyId, question_id AS QuestionId, position AS Position, kind AS Kind, text AS Text, help_text AS HelpText,
       required AS Required, dimension AS Dimension, capability AS Capability, options AS Options, low_label AS LowLabel, high_label AS HighLabel,
       block AS Block, grid AS Grid, row_label AS RowLabel
FROM survey_questions
WHERE survey_id = $survey_id
ORDER BY position;
