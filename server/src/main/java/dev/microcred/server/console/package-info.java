/**
 * The issuer console: server-rendered pages (no script needed) where an issuer's staff define achievements (criteria
 * in Markdown rendered safely, skills found in the ESCO and O*NET index), issue credentials one at a time (the form's
 * idempotency key makes a form sent twice issue once) or in bulk from a CSV ({@link
 * dev.microcred.server.console.BulkPages}: preview, live progress, summary; its one inline script is allowed by hash),
 * revoke, suspend and unsuspend them, and read their analytics (issued per week as an inline SVG chart, claim rate,
 * counts by achievement). Every route checks that the visitor works for the issuer in its path (or is the platform
 * admin).
 */
package dev.microcred.server.console;
