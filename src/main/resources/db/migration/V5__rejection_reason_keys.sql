-- Rejection reasons as message keys with arguments, so that each user reads them in their own language;
-- the English text stays in import_rejection.reason for older versions and for rows recorded before this.
ALTER TABLE import_rejection ADD COLUMN reason_key VARCHAR(64);
ALTER TABLE import_rejection ADD COLUMN reason_arguments CHARACTER LARGE OBJECT;
