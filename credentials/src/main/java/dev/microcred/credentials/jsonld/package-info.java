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
 * <h2>Protected terms defined twice: VC 2.0 with Data Integrity v2</h2>
 * Credentials often list {@code https://www.w3.org/ns/credentials/v2} and then
 * {@code https://w3id.org/security/data-integrity/v2}. Both protect {@code id}, {@code type} and
 * {@code DataIntegrityProof}, with the same JSON; Data Integrity v2 also protects a top-level {@code proof} (VC 2.0
 * defines {@code proof} only inside {@code VerifiableCredential} and {@code VerifiablePresentation} nodes).
 * <ul>
 * <li>The JSON-LD 1.1 API, Create Term Definition (§4.2.2), step 27: "If override protected is false and previous
 * definition exists and is protected; 27.1: If definition is not the same as previous definition (other than the
 * value of protected), a protected term redefinition error has been detected, and processing is aborted. 27.2: Set
 * definition to previous definition to retain the value of protected." A definition with a scoped context also
 * records a base URL (step 21.4: "Set the local context of definition to context, and base URL to base URL"), the URL
 * of the context document that made it (Context Processing §4.1.2 step 5.2.6 passes "the documentUrl of context
 * document for base URL").</li>
 * <li>titanium-json-ld 1.7.0 ({@code TermDefinition.isNotSameExcept}) compares every member, the base URL included.
 * {@code DataIntegrityProof} is the one term whose definitions differ, and only there: base URL
 * {@code https://www.w3.org/ns/credentials/v2} against {@code https://w3id.org/security/data-integrity/v2}; the IRI
 * and the scoped context (as JSON) are equal. So titanium rejects the pair, in either order, without saying which
 * term ({@code ContextProcessingTest} shows this).</li>
 * <li>jsonld.js ({@code lib/context.js}, {@code createTermDefinition}) keeps no base URL in its term definitions:
 * it forces the new definition protected and compares it with the previous one ({@code _deepCompare}: {@code @id},
 * reverse, {@code @type}, {@code @container}, {@code @index}, {@code @context} as JSON, {@code @language},
 * {@code @direction}, {@code @nest}, the prefix flag), so it accepts the pair.</li>
 * <li>The base URL of a term definition is used only when its scoped context is processed, to resolve a context
 * reference (§4.1.2 step 5.2.1) or an {@code @import} (step 5.6.3) in it; {@code DataIntegrityProof}'s scoped
 * context has neither, so which of the two URLs it carries changes nothing.</li>
 * </ul>
 * {@code ContextProcessing} therefore processes a document's top-level {@code @context} with titanium and, only when
 * titanium reports a redefinition, compares the definitions as jsonld.js does, setting the base URL aside when the
 * scoped context cannot depend on it, for bundled contexts only. A definition that differs in anything else is still
 * an error, naming the term: {@code https://w3id.org/security/data-integrity/v1} after VC 2.0 is one (its
 * {@code DataIntegrityProof} scopes {@code cryptosuite} without the {@code cryptosuiteString} datatype and has no
 * {@code previousProof}), and jsonld.js rejects it too. Dropping Data Integrity v2 from the context list instead
 * would not be sound: its top-level {@code proof} would become undefined outside credential nodes.
 * Redefinitions inside the document (an {@code @context} in a nested node, a type- or property-scoped context) are
 * left to titanium, on both paths: a verifiable presentation whose embedded credentials list both contexts again is
 * still rejected.
 *
 * @see <a href="https://www.w3.org/TR/json-ld11-api/">JSON-LD 1.1 Processing Algorithms and API</a>
 */
package dev.microcred.credentials.jsonld;
