-- Renewal (issue 3 §9): a renewal is a new credential of the same achievement to the same recipient; the link
-- renewed -> renewal is stored in the transaction that stores the renewal. A credential is renewed at most once
-- (the primary key): renewing again means renewing the renewal, so renewals form a chain.
CREATE TABLE credential_renewal (
    renewed_id  VARCHAR(36) PRIMARY KEY REFERENCES credential (id),
    renewal_id  VARCHAR(36) NOT NULL REFERENCES credential (id),
    renewed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX credential_renewal_renewal ON credential_renewal (renewal_id);
