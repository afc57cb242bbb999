-- What the database holds, for the report's cover and methodology: how many records of each kind and their span.
SELECT 'Deployments' AS Kind, count(*) AS Records, min(started_at) AS First, max(started_at) AS Last FROM deployments
UNION ALL SELECT 'Changes', count(*), min(merged_at), max(merged_at) FROM changes
UNION ALL SELECT 'Incidents', count(*), min(opened_at), max(opened_at) FROM incidents
UNION ALL SELECT 'Work items', count(*), min(created_at), max(created_at) FROM work_items
UNION ALL SELECT 'Survey responses', count(*), min(submitted_at), max(submitted_at) FROM survey_responses;
