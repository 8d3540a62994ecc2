-- Transactional outbox for refund listeners: a refund paid sets listeners_due_at_ms in the same transaction as the
-- status change; it is cleared (and listeners_done_at_ms set) once every listener succeeded. A failed delivery moves
-- listeners_due_at_ms forward (backoff) and counts the attempt. Refunds paid before this migration count as delivered.
ALTER TABLE refunds ADD COLUMN listeners_due_at_ms bigint NULL;
ALTER TABLE refunds ADD COLUMN listeners_done_at_ms bigint NULL;
ALTER TABLE refunds ADD COLUMN listener_attempts bigint NOT NULL DEFAULT 0;
CREATE INDEX ix_refunds_listeners_due ON refunds (listeners_due_at_ms) WHERE listeners_due_at_ms IS NOT NULL;
