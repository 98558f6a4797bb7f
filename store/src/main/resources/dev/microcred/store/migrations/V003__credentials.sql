-- Bitstring status lists (W3C Bitstring Status List v1.0), one sequence per issuer and purpose. The bits change
-- under SELECT ... FOR UPDATE; version counts the changes; the signed list credential is cached with its version.
CREATE TABLE status_list (
    id               VARCHAR(36)  PRIMARY KEY,
    issuer_id        VARCHAR(36)  NOT NULL REFERENCES issuer (id),
    purpose          VARCHAR(20)  NOT NULL,
    seq              INTEGER      NOT NULL,
    url              VARCHAR(500) NOT NULL,
    length_bits      INTEGER      NOT NULL,
    bits             BYTEA        NOT NULL,
    version          BIGINT       NOT NULL,
    signed_document  TEXT,
    signed_version   BIGINT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX status_list_seq ON status_list (issuer_id, purpose, seq);
CREATE UNIQUE INDEX status_list_url ON status_list (url);

-- Issued credentials. recipient_hash is the hex SHA-256 of the normalised recipient (lower-case email or DID), so
-- that a learner's wallet finds them; the document itself holds only the salted OB 3.0 identity hash.
CREATE TABLE credential (
    id                  VARCHAR(36)  PRIMARY KEY,
    issuer_id           VARCHAR(36)  NOT NULL REFERENCES issuer (id),
    achievement_id      VARCHAR(36)  REFERENCES achievement (id),
    format              VARCHAR(20)  NOT NULL,
    document            TEXT         NOT NULL,
    recipient_hash      VARCHAR(64),
    state               VARCHAR(20)  NOT NULL,
    revocation_list_id  VARCHAR(36)  REFERENCES status_list (id),
    revocation_index    INTEGER,
    suspension_list_id  VARCHAR(36)  REFERENCES status_list (id),
    suspension_index    INTEGER,
    claim_token_hash    VARCHAR(64),
    holder_account_id   VARCHAR(36)  REFERENCES account (id),
    status_reason       VARCHAR(500),
    issued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_from          TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until         TIMESTAMP WITH TIME ZONE,
    claimed_at          TIMESTAMP WITH TIME ZONE,
    revoked_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX credential_issuer ON credential (issuer_id, issued_at);
CREATE INDEX credential_recipient ON credential (recipient_hash);
CREATE UNIQUE INDEX credential_claim_token ON credential (claim_token_hash);
CREATE UNIQUE INDEX credential_revocation_index ON credential (revocation_list_id, revocation_index);
CREATE UNIQUE INDEX credential_suspension_index ON credential (suspension_list_id, suspension_index);
