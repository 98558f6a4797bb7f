/**
 * What the platform does, independent of HTTP: issuers with their DIDs and sealed keys
 * ({@link dev.microcred.server.issuing.IssuerRegistry}, {@link dev.microcred.server.issuing.KeyRing}), achievements
 * ({@link dev.microcred.server.issuing.AchievementCatalog}), issuance
 * ({@link dev.microcred.server.issuing.Issuance}), status lists and status changes
 * ({@link dev.microcred.server.issuing.StatusRegistry}), verification with the platform's own documents served
 * locally ({@link dev.microcred.server.issuing.Verification}) and API tokens
 * ({@link dev.microcred.server.issuing.AccessTokens}).
 *
 * <p>The flow of one issuance (DESIGN.md): allocate random status indexes, build the OB 3.0 credential, sign it
 * with the issuer's key OUTSIDE any transaction (eddsa-rdfc-2022 takes milliseconds), then store the credential
 * and enqueue the learner's mail in ONE transaction. Every class here is immutable or internally synchronised and
 * thread-safe; logs carry ids only.
 */
package dev.microcred.server.issuing;
