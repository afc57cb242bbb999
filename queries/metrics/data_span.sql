-- What the database holds around a quarter, for 'analytics metrics' to say "no data" rather than print zeros:
-- the first and last record of any kind (deployments, changes, incidents, work items, survey responses), and how
-- many of them fall in [$from, $to).
SELECT min(First) AS First, max(Last) AS Last, coalesce(sum(InQuarter), 0)::BIGINT AS InQuarter
FROM (
    SELECT min(started_at) AS First, max(started_at) AS Last, count(*) FILTER (WHERE started_at >= $from AND started_at < $to) AS InQuarter FROM deployments
    UNION ALL SELECT min(merged_at), max(merged_at), count(*) FILTER (WHERE merged_at >= $from AND merged_at < $to) FROM changes
    UNION ALL SELECT min(opened_at), max(opened_at), count(*) FILTER (WHERE opened_at >= $from AND opened_at < $to) FROM incidents
    UNION ALL SELECT min(created_at), max(created_at), count(*) FILTER (WHERE created_at >= $from AND created_at < $to) FROM work_items
    UNION ALL SELECT min(submitted_at), max(submitted_at), count(*) FILTER (WHERE submitted_at >= $from AND submitted_at < $to) FROM survey_responses
) AS spans;
