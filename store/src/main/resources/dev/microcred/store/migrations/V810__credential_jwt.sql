-- The VC-JWT form of a platform credential (Open Badges 3.0 §8.2), made on the holder's first download: the stored
-- credential without its Data Integrity proof, signed as a compact JWS by the issuer's key of that moment. One row
-- per credential (the primary key), stored with its transparency-log issuance entry in one transaction; later
-- downloads answer these bytes. key_id names the issuer key (its verification method is the JWS kid). log_ref is the
-- id the JWT's log entry is filed under (tlog_entry.credential_id, where its receipt is stored): its own id, since
-- the credential's id already files the entry of its Data Integrity form.
CREATE TABLE credential_jwt (
    credential_id VARCHAR(36)   PRIMARY KEY REFERENCES credential (id),
    log_ref       VARCHAR(36)   NOT NULL UNIQUE,
    jwt           TEXT          NOT NULL,
    key_id        VARCHAR(36)   NOT NULL REFERENCES issuer_key (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
