-- Issuers: an OB 3.0 Profile, a DID (did:web served by microcred, or did:key) and signing keys encrypted at rest.
CREATE TABLE issuer (
    id          VARCHAR(36)  PRIMARY KEY,
    slug        VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    did         VARCHAR(400) NOT NULL,
    did_method  VARCHAR(16)  NOT NULL,
    profile     TEXT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX issuer_slug ON issuer (slug);
CREATE UNIQUE INDEX issuer_did ON issuer (did);

-- Key files (docs/KEYFILE.md) sealed under the key-encryption key; retired keys stay to verify old credentials.
CREATE TABLE issuer_key (
    id                   VARCHAR(36)  PRIMARY KEY,
    issuer_id            VARCHAR(36)  NOT NULL REFERENCES issuer (id),
    verification_method  VARCHAR(500) NOT NULL,
    public_key_multibase VARCHAR(200) NOT NULL,
    key_file             TEXT         NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX issuer_key_issuer ON issuer_key (issuer_id);

-- API tokens are known by the SHA-256 of the token; scopes are space-separated.
CREATE TABLE api_token (
    id          VARCHAR(36)  PRIMARY KEY,
    token_hash  VARCHAR(64)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    account_id  VARCHAR(36)  REFERENCES account (id),
    issuer_id   VARCHAR(36)  REFERENCES issuer (id),
    scopes      VARCHAR(500) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX api_token_hash ON api_token (token_hash);

-- Achievements: the OB 3.0 Achievement JSON an issuer awards; validity_days bounds the credentials issued.
CREATE TABLE achievement (
    id             VARCHAR(36)  PRIMARY KEY,
    issuer_id      VARCHAR(36)  NOT NULL REFERENCES issuer (id),
    name           VARCHAR(300) NOT NULL,
    document       TEXT         NOT NULL,
    validity_days  INTEGER,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX achievement_issuer ON achievement (issuer_id);
