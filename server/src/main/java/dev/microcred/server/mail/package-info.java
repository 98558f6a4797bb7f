/**
 * Mail delivery: the outbox (mail enqueued in the transaction that causes it) delivered by SMTP when configured,
 * with retries and backoff, off the request path.
 */
package dev.microcred.server.mail;
