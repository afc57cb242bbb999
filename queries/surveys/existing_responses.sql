-- Which of these response ids are already stored: a second press of the submit button reuses its form's id.
SELECT CAST(response_id AS VARCHAR) AS ResponseId
FROM survey_responses
WHERE response_id IN (SELECT CAST(unnest($response_ids) AS UUID));
