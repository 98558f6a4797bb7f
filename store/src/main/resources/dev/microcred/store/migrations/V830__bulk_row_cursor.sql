-- Bulk issuance stops updating each issued row. A job keeps a cursor, issued_through_row, moved in the
-- transaction that issues a batch: a row still marked 'pending' at or below it was issued, its credential is the
-- one stored under its idempotency key (credential_key). Rows that were skipped or failed are still marked one by
-- one (they are few). Rows finished before this migration keep their explicit state, and the cursor of every job
-- starts at 0, so nothing already recorded changes meaning.
ALTER TABLE bulk_job ADD COLUMN issued_through_row INTEGER DEFAULT 0 NOT NULL;
-- No query reads bulk_row by idempotency key (issuance joins from the row to credential_key); the index only made
-- every preview row cost a write at a random place.
DROP INDEX bulk_row_key;
