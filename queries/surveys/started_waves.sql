-- Waves of a survey past the draft stage: once one exists, the questions are fixed.
SELECT count(*) FROM survey_waves WHERE survey_id = $survey_id AND status <> 'draft';
