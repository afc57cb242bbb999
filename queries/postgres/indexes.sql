CREATE INDEX ON deployments (service_id, (coalesce(finished_at, started_at))) WHERE environment = 'production' AND status = 'success';
CREATE INDEX ON deployments ((coalesce(finished_at, started_at))) WHERE environment = 'production' AND status = 'success';
CREATE INDEX ON changes (deployed_at);
CREATE INDEX ON changes (deployment_id);
CREATE INDEX ON incidents (opened_at);
CREATE INDEX ON incidents (caused_by_deployment_id);
ANALYZE;
