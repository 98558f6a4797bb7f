/**
 * JSON-LD 1.1 processing as microcred needs it: the bundled contexts ({@link
 * dev.microcred.credentials.jsonld.BundledContextLoader}, never a network fetch) and safe-mode expansion to RDF
 * ({@link dev.microcred.credentials.jsonld.JsonLdProcessor}), where anything a signature would silently not cover
 * (an undefined term, a relative IRI, a protected term redefinition) is an error.
 *
 * @see <a href="https://www.w3.org/TR/json-ld11-api/">JSON-LD 1.1 Processing Algorithms and API</a>
 */
package dev.microcred.credentials.jsonld;
