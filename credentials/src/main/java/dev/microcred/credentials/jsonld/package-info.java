/**
 * JSON-LD 1.1 processing as microcred needs it: the bundled contexts ({@link
 * dev.microcred.credentials.jsonld.BundledContextLoader}, never a network fetch) and safe-mode expansion to RDF
 * ({@link dev.microcred.credentials.jsonld.JsonLdProcessor}), where anything a signature would silently not cover
 * (an undefined term, a relative IRI, a protected term redefinition) is an error.
 *
 * <p>Conversion to RDF first takes a compiled path: {@code CompiledContext} memoizes titanium's active contexts
 * (each context transition processed once) and {@code CompiledToRdf} walks the Jackson tree straight to quads
 * (expansion, node map generation and deserialization in one pass). It covers what credentials use and hands every
 * other document, whole, to titanium; tests check that both give the same canonical N-Quads and the same errors.
 *
 * @see <a href="https://www.w3.org/TR/json-ld11-api/">JSON-LD 1.1 Processing Algorithms and API</a>
 */
package dev.microcred.credentials.jsonld;
