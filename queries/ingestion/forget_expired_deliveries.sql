-- Past expires_at a replay is refused by its timestamp (or falls outside GitHub's redelivery window).
DELETE FROM webhook_deliveries WHERE expires_at < $now;
