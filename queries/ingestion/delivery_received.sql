-- True when this delivery id was already stored and is still remembered.
SELECT count(*) > 0
FROM webhook_deliveries
WHERE source = $source AND delivery_id = $delivery_id AND expires_at >= $now;
