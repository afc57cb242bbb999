SELECT service_id AS ServiceId, repository AS Repository FROM services WHERE repository IS NOT NULL ORDER BY service_id;
