-- Bulk issuance stops updating each issued row. A job keeps a cursor, issued_through_row, moved in the
-- transaction that issues a batch: a row still marked 'pending' at or below it was issued, its credential is the
-- one stored under its idempotency key (credential_key). Rows that were skipped or failed are still marked one by
-- one (they are few). Rows finished before this migration keep their explicit state, and the cursor of every job
-- starts at 0, so nothing already recorded changes meaning.
ALTER TABLE bulk_job ADD COLUMN issued_through_row INTEGER DEFAULT 0 NOT NULL;

-- bulk_row is rebuilt with fewer indexes: a preview writes one row per valid line of the file (100,000 in a large
-- upload), and every index is one more write per row. H2 gave each foreign key of the old table an index of its
-- own (job, issuer, achievement, credential) and no query reads by idempotency key. The new table keeps its primary
-- key, the (job_id, row_number) index every query reads through, and the foreign key to its job (served by that
-- index). It drops the foreign keys to issuer, achievement and credential: a row is written only by the preview,
-- from values it validated, in the transaction that stores its job (whose issuer and achievement are foreign keys);
-- its issuer is its job's; its credential is set only for a skipped row, from credential_key (a foreign key to
-- credential); and issuers, achievements and credentials are never deleted.
CREATE TABLE bulk_row_v830 (
    id               VARCHAR(36)  PRIMARY KEY,
    job_id           VARCHAR(36)  NOT NULL,
    issuer_id        VARCHAR(36)  NOT NULL,
    row_number       INTEGER      NOT NULL,
    line_number      INTEGER      DEFAULT 0 NOT NULL,
    idempotency_key  VARCHAR(200) NOT NULL,
    achievement_id   VARCHAR(36),
    recipient_kind   VARCHAR(8)   DEFAULT 'email' NOT NULL,
    recipient        VARCHAR(320) NOT NULL,
    valid_from       TIMESTAMP WITH TIME ZONE,
    valid_until      TIMESTAMP WITH TIME ZONE,
    state            VARCHAR(20)  NOT NULL,
    credential_id    VARCHAR(36),
    error            VARCHAR(500)
);
INSERT INTO bulk_row_v830 (id, job_id, issuer_id, row_number, line_number, idempotency_key, achievement_id,
                           recipient_kind, recipient, valid_from, valid_until, state, credential_id, error)
SELECT id, job_id, issuer_id, row_number, line_number, idempotency_key, achievement_id, recipient_kind, recipient,
       valid_from, valid_until, state, credential_id, error
FROM bulk_row;
DROP TABLE bulk_row;
ALTER TABLE bulk_row_v830 RENAME TO bulk_row;
CREATE INDEX bulk_row_job ON bulk_row (job_id, row_number);
ALTER TABLE bulk_row ADD CONSTRAINT bulk_row_job_fk FOREIGN KEY (job_id) REFERENCES bulk_job (id);
