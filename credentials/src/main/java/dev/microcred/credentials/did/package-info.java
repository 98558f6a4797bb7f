/**
 * Resolving verification methods: {@code did:key} offline, {@code did:web} (W3C CCG did:web method) and
 * plain HTTPS key documents through the caller's {@link dev.microcred.credentials.fetch.Fetcher}; and the
 * check that an issuer controls a verification method (VC Data Integrity §4.6 "Retrieve Verification
 * Method", DID Core §5.3.1 assertionMethod).
 */
package dev.microcred.credentials.did;
