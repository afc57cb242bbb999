-- The benchmark baseline: DuckDB reading, in full, every column of every table that the metric queries read.
-- An aggregate per column forces the scan without sending rows to the client.
SELECT count(*), min(deployment_id), min(service_id), min(environment), min(status), min(sha), min(started_at),
       min(finished_at), bool_or(is_rollback), bool_or(is_hotfix), bool_or(via_platform), min(deployed_by)
FROM deployments;
SELECT count(*), min(change_id), min(kind), min(parent_change_id), min(service_id), min(author_id), min(first_commit_at),
       min(opened_at), min(first_review_at), min(merged_at), min(deployment_id), min(deployed_at), max(len(labels))
FROM changes;
SELECT count(*), min(incident_id), min(service_id), min(severity), min(opened_at), min(resolved_at), min(caused_by_deployment_id)
FROM incidents;
SELECT count(*), min(work_item_id), min(kind), min(team_id), min(request_category), min(created_at), min(first_response_at), min(resolved_at)
FROM work_items;
SELECT count(*), min(response_id), min(question_id), min(numeric_value) FROM survey_answers;
SELECT count(*), min(response_id), min(wave_id), min(team_id) FROM survey_responses;
SELECT count(*), min(engineer_id), min(team_id), min(start_date), min(end_date) FROM engineers;
SELECT count(*), min(service_id), min(team_id), min(created_on), min(retired_on), min(onboarded_on) FROM services;
