-- Accounts (people who sign in) and their browser sessions. Emails are stored lower-case.
CREATE TABLE account (
    id            VARCHAR(36)  PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX account_email ON account (email);

-- A session is known by the SHA-256 of its cookie value; the cookie itself is never stored.
CREATE TABLE web_session (
    token_hash  VARCHAR(64) PRIMARY KEY,
    account_id  VARCHAR(36) NOT NULL REFERENCES account (id),
    csrf_token  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_session_account ON web_session (account_id);
