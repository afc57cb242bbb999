-- The team that owns a service in the catalog, or no row for an unknown service. Parameters: $service.
SELECT team_id FROM services WHERE service_id = $service;
