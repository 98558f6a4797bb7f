/**
 * The verifier and its step-by-step report (DESIGN.md "Verification"; OB 3.0 §"Verification and
 * Validation"): parse, context, schema, proof, issuer key, validity window, status, endorsements (Blockcerts
 * certificates add {@code anchor}: where their Merkle root was published). "Invalid"
 * is a normal answer carried by {@link dev.microcred.credentials.verify.VerificationReport}; an exception
 * means the input could not be checked at all.
 */
package dev.microcred.credentials.verify;
