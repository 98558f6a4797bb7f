-- Bulk issuance, second step: a job keeps its preview (valid rows, and per-row errors in bulk_error), its progress
-- counters (updated in the transaction that issues a batch) and its times. A row names its own achievement (or the
-- job's default), recipient kind and validity. Idempotency moves to credential_key, written in the transaction that
-- stores the credential: a key is unique per issuer there, so a row issued twice (a re-uploaded file, a resumed job,
-- two nodes) yields one credential, while two previews of one file may both hold the row.
ALTER TABLE bulk_job ALTER COLUMN achievement_id DROP NOT NULL;
ALTER TABLE bulk_job ADD COLUMN valid_rows INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE bulk_job ADD COLUMN invalid_rows INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE bulk_job ADD COLUMN issued_rows INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE bulk_job ADD COLUMN skipped_rows INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE bulk_job ADD COLUMN failed_rows INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE bulk_job ADD COLUMN error VARCHAR(500);
ALTER TABLE bulk_job ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bulk_job ADD COLUMN finished_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX bulk_job_state ON bulk_job (state);

DROP INDEX bulk_row_idempotency;
CREATE INDEX bulk_row_key ON bulk_row (issuer_id, idempotency_key);
ALTER TABLE bulk_row ADD COLUMN line_number INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE bulk_row ADD COLUMN achievement_id VARCHAR(36) REFERENCES achievement (id);
ALTER TABLE bulk_row ADD COLUMN recipient_kind VARCHAR(8) DEFAULT 'email' NOT NULL;
ALTER TABLE bulk_row ADD COLUMN valid_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE bulk_row ADD COLUMN valid_until TIMESTAMP WITH TIME ZONE;

-- What the preview found wrong, row by row (row 0: the header); such rows are not in bulk_row.
CREATE TABLE bulk_error (
    job_id       VARCHAR(36)  NOT NULL REFERENCES bulk_job (id),
    row_number   INTEGER      NOT NULL,
    line_number  INTEGER      NOT NULL,
    column_name  VARCHAR(40),
    message      VARCHAR(500) NOT NULL
);
CREATE INDEX bulk_error_job ON bulk_error (job_id, row_number);

CREATE TABLE credential_key (
    issuer_id        VARCHAR(36)  NOT NULL REFERENCES issuer (id),
    idempotency_key  VARCHAR(200) NOT NULL,
    credential_id    VARCHAR(36)  NOT NULL REFERENCES credential (id),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (issuer_id, idempotency_key)
);
