-- A refund's decision (approve pays it back, reject): when, by whom, why, and the request id that made it, so a retried
-- decision is recognised. Null until decided.
ALTER TABLE refunds ADD COLUMN decided_at_ms bigint NULL;
ALTER TABLE refunds ADD COLUMN decided_by text NULL;
ALTER TABLE refunds ADD COLUMN decision_reason text NULL;
ALTER TABLE refunds ADD COLUMN decision_request_id text NULL;
