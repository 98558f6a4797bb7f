-- SMTP delivery of the outbox (platform-ops): every mail is enqueued in the transaction that causes it; when SMTP is
-- configured a worker sends it and sets sent_at. A failed attempt counts in attempts and waits until
-- next_attempt_at (exponential backoff); a worker claims a due mail by moving next_attempt_at forward (a lease),
-- so two nodes never send the same mail at once. last_error holds the error class and SMTP code, never addresses.
ALTER TABLE mail_outbox ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mail_outbox ADD COLUMN last_error VARCHAR(300);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);
