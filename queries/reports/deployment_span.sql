-- The span of the delivery data for the report's trend charts: the first production deployment of the scope
-- ($team, NULL = the organisation) and the last one of the organisation. Months outside it have no data coverage.
SELECT (SELECT min(d.started_at)
        FROM deployments d JOIN services s USING (service_id)
        WHERE d.environment = 'production' AND ($team IS NULL OR s.team_id = $team)) AS First,
       (SELECT max(started_at) FROM deployments WHERE environment = 'production') AS Last;
