-- Who works for which issuer: role 'admin' (manages the issuer and its staff) or 'staff' (achievements, issuance,
-- status changes). Platform-wide roles (platform-admin, learner, verifier) stay in account.roles.
CREATE TABLE issuer_member (
    issuer_id   VARCHAR(36) NOT NULL REFERENCES issuer (id),
    account_id  VARCHAR(36) NOT NULL REFERENCES account (id),
    role        VARCHAR(20) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (issuer_id, account_id)
);
CREATE INDEX issuer_member_account ON issuer_member (account_id);

-- Password-reset links, known by the SHA-256 of their token (the token itself is only in the mail); used once.
CREATE TABLE password_reset (
    token_hash  VARCHAR(64) PRIMARY KEY,
    account_id  VARCHAR(36) NOT NULL REFERENCES account (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX password_reset_account ON password_reset (account_id);
