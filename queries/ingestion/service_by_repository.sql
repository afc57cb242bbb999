SELECT service_id FROM services WHERE lower(repository) = lower($repository) ORDER BY service_id LIMIT 1;
