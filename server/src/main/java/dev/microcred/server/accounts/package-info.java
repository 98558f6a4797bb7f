/**
 * Accounts and who may do what: sign-up, sign-in with a bounded in-memory throttle on failures
 * ({@link dev.microcred.server.accounts.LoginThrottle}), password reset by a mailed one-time link, issuer memberships
 * (admin or staff), browser sessions in {@code HttpOnly; SameSite=Lax} cookies known to the database only by their
 * SHA-256, synchronizer CSRF tokens on every form ({@link dev.microcred.server.accounts.WebSignIn}), and the
 * {@link dev.microcred.server.accounts.Visitor} that every web route asks before it acts.
 */
package dev.microcred.server.accounts;
