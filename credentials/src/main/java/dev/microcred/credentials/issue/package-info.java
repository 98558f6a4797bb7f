/**
 * Issuing: turns an unsigned Open Badges 3.0 credential into a signed one in any of the formats microcred
 * issues (Data Integrity {@code eddsa-rdfc-2022} or {@code eddsa-jcs-2022}, VC-JWT with EdDSA, ES256 or
 * RS256), and bakes it into a badge image.
 */
package dev.microcred.credentials.issue;
