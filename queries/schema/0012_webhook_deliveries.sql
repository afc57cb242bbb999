-- Delivery ids of pushed deliveries already stored, so a replayed or re-sent delivery is answered without being
-- applied again. A row is kept until expires_at (the end of the window in which the same delivery could still be
-- accepted) and then pruned.
CREATE TABLE webhook_deliveries (
    source      VARCHAR NOT NULL,
    delivery_id VARCHAR NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source, delivery_id)
);
