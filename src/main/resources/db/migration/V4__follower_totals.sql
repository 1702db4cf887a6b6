-- Campaign Studio schema, version 4: follower lists with per-person totals (aggregated exports).
-- Totals are stored as snapshots: engagement rows marked is_total, dated when the export says the
-- follower was last active (else when imported); a later export adds a newer snapshot.

ALTER TABLE engagement ADD COLUMN is_total BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE follower ADD COLUMN reported_orders BIGINT;
ALTER TABLE follower ADD COLUMN reported_spend DECIMAL(14, 2);
-- Totals of popular accounts exceed the range of INTEGER (3亿 views).
ALTER TABLE engagement ALTER COLUMN event_count SET DATA TYPE BIGINT;
