-- A learner's career goal: the target occupation (an ESCO occupation URI or an O*NET-SOC id) and what the pathway
-- planner minimises toward it (workload or cost). One goal per account.
CREATE TABLE career_goal (
    account_id     VARCHAR(36)  PRIMARY KEY REFERENCES account (id),
    occupation_id  VARCHAR(300) NOT NULL,
    objective      VARCHAR(20)  NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Learner settings for employers: whether the learner's verified skills may be matched against job postings.
-- No row means not discoverable (the default).
CREATE TABLE talent_setting (
    account_id     VARCHAR(36)  PRIMARY KEY REFERENCES account (id),
    discoverable   BOOLEAN      NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the platform admin records about an issuer's standing: accredited by a named body, and/or endorsed by a named
-- body. Credentials of the issuer count as accredited or endorsed evidence in matching and portfolio advice.
CREATE TABLE issuer_credibility (
    issuer_id      VARCHAR(36)  PRIMARY KEY REFERENCES issuer (id),
    accredited_by  VARCHAR(300),
    endorsed_by    VARCHAR(300),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- An employer's job posting: a title, the occupation it was made from, and its requirements as a JSON array of
-- {skill, importance, minLevel} (edited by the employer).
CREATE TABLE job_posting (
    id                   VARCHAR(36)  PRIMARY KEY,
    employer_account_id  VARCHAR(36)  NOT NULL REFERENCES account (id),
    title                VARCHAR(300) NOT NULL,
    occupation_id        VARCHAR(300) NOT NULL,
    requirements         TEXT         NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX job_posting_employer ON job_posting (employer_account_id, created_at);

-- Candidates an employer kept for a posting. The employer knows them by pseudonym only (see contact_request).
CREATE TABLE job_shortlist (
    posting_id          VARCHAR(36)  NOT NULL REFERENCES job_posting (id),
    learner_account_id  VARCHAR(36)  NOT NULL REFERENCES account (id),
    pseudonym           VARCHAR(40)  NOT NULL,
    score               DOUBLE PRECISION NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (posting_id, learner_account_id)
);

-- An employer's message to a candidate about a posting. The learner answers accepted or declined; only an accepted
-- request shows the employer the learner's name and email. One request per posting and learner.
CREATE TABLE contact_request (
    id                   VARCHAR(36)  PRIMARY KEY,
    posting_id           VARCHAR(36)  NOT NULL REFERENCES job_posting (id),
    employer_account_id  VARCHAR(36)  NOT NULL REFERENCES account (id),
    learner_account_id   VARCHAR(36)  NOT NULL REFERENCES account (id),
    pseudonym            VARCHAR(40)  NOT NULL,
    message              TEXT         NOT NULL,
    state                VARCHAR(20)  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at          TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX contact_request_posting_learner ON contact_request (posting_id, learner_account_id);
CREATE INDEX contact_request_learner ON contact_request (learner_account_id, created_at);
