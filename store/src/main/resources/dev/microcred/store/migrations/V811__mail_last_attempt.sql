-- When the SMTP worker last tried a mail (a failure or the send), shown on /admin/outbox with the attempt count and
-- the last error. Null until the first attempt.
ALTER TABLE mail_outbox ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
