-- Campaign Studio schema, version 3: what undoing an import needs, and fast follower look-ups by id.

CREATE TABLE import_row_backup (
    import_id  BIGINT      NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    table_name VARCHAR(64) NOT NULL,
    row_id     BIGINT      NOT NULL,
    previous   CHARACTER LARGE OBJECT NOT NULL
);
CREATE INDEX import_row_backup_import ON import_row_backup (import_id);

ALTER TABLE import_batch ADD COLUMN rows_updated BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_batch ADD COLUMN rows_skipped BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_batch ADD COLUMN undone_at TIMESTAMP;

CREATE INDEX follower_external_id ON follower (external_id);
CREATE INDEX import_batch_hash ON import_batch (content_hash);

-- Post exports often have no format column.
ALTER TABLE post ALTER COLUMN format SET DEFAULT 'other';
