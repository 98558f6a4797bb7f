/**
 * The JSON Canonicalization Scheme (JCS, RFC 8785) over Jackson trees: the canonical form that
 * {@code eddsa-jcs-2022} signs.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8785">RFC 8785</a>
 */
package dev.microcred.credentials.jcs;
