/**
 * JSON Web Signatures for credentials: the compact serialization (RFC 7515 §7.1) with the three algorithms
 * microcred signs and verifies ({@code EdDSA}, RFC 8037; {@code ES256} and {@code RS256}, RFC 7518 §3), and the
 * Open Badges 3.0 VC-JWT proof format (OB 3.0 §8.2 "JSON Web Token Proof Format"): the JWT payload is the
 * credential itself plus {@code iss}, {@code jti}, {@code nbf}, {@code sub} and {@code exp}; a VC 1.1 style
 * {@code vc} claim is accepted when verifying. Built directly on {@code dev.microcred.crypto}, without a JOSE
 * library.
 */
package dev.microcred.credentials.jose;
