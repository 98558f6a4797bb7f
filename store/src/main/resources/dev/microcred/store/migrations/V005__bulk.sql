-- Bulk issuance: a job and its rows. A row's idempotency key is unique per issuer, so a row submitted twice
-- (a re-uploaded file, a resumed job) yields one credential.
CREATE TABLE bulk_job (
    id              VARCHAR(36)  PRIMARY KEY,
    issuer_id       VARCHAR(36)  NOT NULL REFERENCES issuer (id),
    achievement_id  VARCHAR(36)  NOT NULL REFERENCES achievement (id),
    state           VARCHAR(20)  NOT NULL,
    total_rows      INTEGER      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX bulk_job_issuer ON bulk_job (issuer_id);

CREATE TABLE bulk_row (
    id               VARCHAR(36)  PRIMARY KEY,
    job_id           VARCHAR(36)  NOT NULL REFERENCES bulk_job (id),
    issuer_id        VARCHAR(36)  NOT NULL REFERENCES issuer (id),
    row_number       INTEGER      NOT NULL,
    idempotency_key  VARCHAR(200) NOT NULL,
    recipient        VARCHAR(320) NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    credential_id    VARCHAR(36)  REFERENCES credential (id),
    error            VARCHAR(500)
);
CREATE UNIQUE INDEX bulk_row_idempotency ON bulk_row (issuer_id, idempotency_key);
CREATE INDEX bulk_row_job ON bulk_row (job_id, row_number);
