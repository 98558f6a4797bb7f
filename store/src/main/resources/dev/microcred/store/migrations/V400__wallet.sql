-- The learner's wallet: how each credential they hold is shared. Private by default; when public, anyone with the
-- link /share/{share_token} sees its page. The token is a publish-by-link capability (no more secret than the
-- issuer's public credential page), stored as is so the wallet can show the link again; switching to private and
-- back issues a new one, which ends the old link.
CREATE TABLE wallet_share (
    credential_id VARCHAR(36)  PRIMARY KEY REFERENCES credential (id),
    account_id    VARCHAR(36)  NOT NULL REFERENCES account (id),
    visibility    VARCHAR(20)  NOT NULL,
    share_token   VARCHAR(80),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX wallet_share_token ON wallet_share (share_token);
CREATE INDEX wallet_share_account ON wallet_share (account_id);

-- Credentials a learner brought from elsewhere (pasted JSON or JWT, or the credential baked in an uploaded image),
-- verified on import: outcome is the verifier's label then; the wallet re-verifies live when it shows one.
CREATE TABLE wallet_import (
    id           VARCHAR(36)  PRIMARY KEY,
    account_id   VARCHAR(36)  NOT NULL REFERENCES account (id),
    document     TEXT         NOT NULL,
    format       VARCHAR(40)  NOT NULL,
    title        VARCHAR(500) NOT NULL,
    issuer_name  VARCHAR(500) NOT NULL,
    outcome      VARCHAR(40)  NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX wallet_import_account ON wallet_import (account_id, imported_at);
