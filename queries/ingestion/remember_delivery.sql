-- Run in the transaction that stores the delivery's records, so an id is remembered only once they are stored.
INSERT OR REPLACE INTO webhook_deliveries (source, delivery_id, received_at, expires_at)
VALUES ($source, $delivery_id, $received_at, $expires_at);
