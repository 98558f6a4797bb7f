/**
 * Bulk issuance: a CSV upload (RFC 4180, UTF-8) becomes a validation preview with per-row errors, and once started
 * its valid rows are issued in batches through the same path as single issuance ({@link
 * dev.microcred.server.issuing.Issuance#prepare} outside any transaction, {@link
 * dev.microcred.server.issuing.Issuance#store} inside one). Each batch stores its credentials, their claim mails,
 * their idempotency keys, the rows' "done" marks and the job's counters in one transaction, so a crash never
 * half-issues a row and a restarted server resumes the job where the last commit left it. An idempotency key is unique
 * per issuer: a row issued twice (a re-uploaded file, a resumed job, two nodes) yields one credential. {@link
 * dev.microcred.server.bulk.BulkEvents} is the progress JSON and Server-Sent Event stream that the API and the
 * console share.
 */
package dev.microcred.server.bulk;
