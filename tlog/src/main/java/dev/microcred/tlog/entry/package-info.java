/**
 * The entries microcred appends to its transparency log: one versioned text record per event, ASCII, at most
 * {@value dev.microcred.tlog.entry.LogEntry#MAX_BYTES} bytes, with ids and hashes only — never personal data,
 * never key material other than public keys.
 *
 * <pre>
 * microcred/tlog-entry/v1            header, always first
 * type &lt;issuance|status-list|key-added|key-rotated|key-revoked|anchor&gt;
 * &lt;field&gt; &lt;value&gt;                    the fields of the type, in the fixed order below, one space
 * ...
 * time &lt;YYYY-MM-DDTHH:MM:SSZ&gt;        always last: when the event happened, as its author says, UTC seconds
 * </pre>
 *
 * <ul>
 *   <li>{@code issuance}: {@code issuer} (DID), {@code key} (DID URL of the signing key, under the issuer's DID),
 *       {@code credential} ({@code sha256:<hex>} of the signed credential as issued).</li>
 *   <li>{@code status-list}: {@code issuer}, {@code url} (https URL of the status list credential),
 *       {@code version} (1, 2, ...), {@code list} ({@code sha256:<hex>} of that version's bytes).</li>
 *   <li>{@code key-added}: {@code issuer}, {@code key}, {@code public-key} (Multikey, base58btc {@code z...});
 *       {@code key-rotated}: {@code issuer}, {@code key}, {@code successor} (DID URL);
 *       {@code key-revoked}: {@code issuer}, {@code key}.</li>
 *   <li>{@code anchor}: {@code log} (checkpoint origin), {@code size}, {@code checkpoint}
 *       ({@code sha256:<hex>} of the checkpoint note text), {@code chain} (CAIP-2 chain id such as
 *       {@code eip155:1}), {@code tx} (the transaction id as the chain writes it).</li>
 * </ul>
 * Parsing is strict: unknown or missing fields, other orders, extra spaces, CR, non-ASCII, upper-case hex and
 * non-canonical numbers or times are rejected, so that every entry has exactly one encoding.
 */
package dev.microcred.tlog.entry;
