/**
 * The seam through which credential verification reaches the network: {@code did:web} documents, status
 * list credentials and OB 2.0 hosted assertions. The credentials module never opens a connection itself;
 * the caller supplies a {@link dev.microcred.credentials.fetch.Fetcher} (a guarded HTTPS client in the
 * server, local files in the CLI's {@code --offline-map}, nothing at all for offline verification).
 */
package dev.microcred.credentials.fetch;
