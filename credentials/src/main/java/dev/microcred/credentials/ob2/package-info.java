/**
 * Open Badges 2.0 (https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html), read and verified
 * for import, never issued: {@link dev.microcred.credentials.ob2.Ob2Assertion} parses hosted and signed assertions,
 * {@link dev.microcred.credentials.ob2.Ob2Verifier} runs the hosted/signed verification checks through a
 * {@link dev.microcred.credentials.fetch.Fetcher} and returns a list of
 * {@link dev.microcred.credentials.ob2.Ob2Check}s.
 */
package dev.microcred.credentials.ob2;
