-- A refund's decision (approve pays it back, reject): when, by whom, why, and the request id that made it, so a retried
-- decision is recognised. Null until decided.
ALTER TABLE refunds ADD COLUMN decided_at_ms INTEGER NULL;
ALTER TABLE refunds ADD COLUMN decided_by TEXT NULL;
ALTER TABLE refunds ADD COLUMN decision_reason TEXT NULL;
ALTER TABLE refunds ADD COLUMN decision_request_id TEXT NULL;
