-- Learning opportunities an issuer offers beyond its achievements (imported catalogues), planned over by the skills
-- pathway planner. An issuer's catalogue is replaced as a whole; seq keeps the order it was given in. document holds
-- the entry as JSON: name, skills (id and level), workloadHours, cost, prerequisites, achievementUrl.
CREATE TABLE catalogue_entry (
    issuer_id   VARCHAR(36)  NOT NULL REFERENCES issuer (id),
    entry_id    VARCHAR(100) NOT NULL,
    seq         INTEGER      NOT NULL,
    document    TEXT         NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (issuer_id, entry_id)
);

-- Stackable pathways: holding min_parts of the achievements in parts (a JSON array of achievement ids) earns the
-- issuer's milestone achievement.
CREATE TABLE stackable_pathway (
    id              VARCHAR(36)  PRIMARY KEY,
    issuer_id       VARCHAR(36)  NOT NULL REFERENCES issuer (id),
    name            VARCHAR(300) NOT NULL,
    milestone_id    VARCHAR(36)  NOT NULL REFERENCES achievement (id),
    parts           TEXT         NOT NULL,
    min_parts       INTEGER      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stackable_pathway_issuer ON stackable_pathway (issuer_id);

-- A milestone issued automatically: one per pathway and recipient, written in the transaction that stores the
-- milestone credential, so that two concurrent issuances cannot award it twice.
CREATE TABLE milestone_award (
    pathway_id      VARCHAR(36)  NOT NULL REFERENCES stackable_pathway (id),
    recipient_hash  VARCHAR(64)  NOT NULL,
    credential_id   VARCHAR(36)  NOT NULL REFERENCES credential (id),
    awarded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (pathway_id, recipient_hash)
);
