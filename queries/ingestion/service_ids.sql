SELECT service_id FROM services ORDER BY service_id;
