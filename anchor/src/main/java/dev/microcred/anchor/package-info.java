/**
 * Optional anchoring of transparency-log checkpoints on an EVM chain, and its verification (docs/TLOG.md,
 * "Anchoring").
 *
 * <p>{@link dev.microcred.anchor.EvmAnchor} records the SHA-256 of a checkpoint's note text and its tree size in
 * the data of a zero-value transaction from an account to itself ({@link dev.microcred.anchor.AnchorPayload}),
 * waits for the receipt, and returns the {@link dev.microcred.tlog.entry.Anchor} log entry;
 * {@link dev.microcred.anchor.AnchorVerification} checks such an entry against a checkpoint and a JSON-RPC node.
 * Chains are named by CAIP-2 ids ({@code eip155:<chain id>}, {@link dev.microcred.anchor.EvmChainId}).
 *
 * <p>web3j (transaction encoding, secp256k1 signing, the JSON-RPC client) is used by this package only; no web3j
 * type appears in its public API. JSON-RPC goes over HTTP(S) with a time limit per call, a size limit per answer
 * and no redirects ({@link dev.microcred.anchor.EvmRpc}).
 */
package dev.microcred.anchor;
