/**
 * How the server reaches documents during verification: {@link dev.microcred.server.net.GuardedHttpFetcher} for
 * the network (HTTPS only, public addresses, size and time limits) and
 * {@link dev.microcred.server.net.PlatformFetcher}, which answers for the platform's own status lists and
 * {@code did:web} documents from the database before anything goes out.
 */
package dev.microcred.server.net;
