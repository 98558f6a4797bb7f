/**
 * The Open Badges 3.0 and CLR 2.0 data model (https://www.imsglobal.org/spec/ob/v3p0/,
 * https://www.imsglobal.org/spec/clr/v2p0/) as records, with hand-written mapping to and from Jackson
 * {@code ObjectNode} trees.
 *
 * <p>Reading is tolerant where the specifications ask for it (single values where arrays are usual, because
 * JSON-LD compaction produces them) and strict about required members: a missing or mistyped required member is
 * a one-line {@code MicrocredException(MALFORMED_INPUT)} naming its JSON path. Members the model does not name
 * are kept in each record's {@link dev.microcred.credentials.ob3.Extras}, and the single/array form of each
 * member is remembered, so {@code parse} then {@code toJson} gives back an equal JSON tree.
 */
package dev.microcred.credentials.ob3;
