-- Mail waiting to be sent (or read by the demo and tests when no SMTP server is configured).
CREATE TABLE mail_outbox (
    id          VARCHAR(36)  PRIMARY KEY,
    recipient   VARCHAR(320) NOT NULL,
    subject     VARCHAR(300) NOT NULL,
    body        TEXT         NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    related_id  VARCHAR(36),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mail_outbox_unsent ON mail_outbox (sent_at, created_at);
