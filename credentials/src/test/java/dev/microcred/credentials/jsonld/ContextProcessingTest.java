package dev.microcred.credentials.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.TermDefinition;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What titanium objects to in VC 2.0 + Data Integrity v2 (the base URL of {@code DataIntegrityProof}, nothing else),
 * that {@link ContextProcessing} accepts exactly that, and that every other redefinition of a protected term is still
 * an error naming the term: a different definition, an inline context, a scoped context whose meaning depends on the
 * URL of the context that defines it.
 */
class ContextProcessingTest {
    private static final String VC2 = "https://www.w3.org/ns/credentials/v2";
    private static final String DI2 = "https://w3id.org/security/data-integrity/v2";
    private static final String DI1 = "https://w3id.org/security/data-integrity/v1";

    private final BundledContextLoader contexts = BundledContextLoader.standard();

    @Test
    void titaniumAloneRejectsVc2WithDataIntegrityV2() {
        // if a titanium upgrade accepts the pair, ContextProcessing's second look is no longer needed
        assertThatThrownBy(() -> initial(contexts).newContext().create(json("[\"" + VC2 + "\",\"" + DI2 + "\"]"), null))
                .isInstanceOf(JsonLdError.class).satisfies(e -> assertThat(ContextProcessing.isRedefinition(e)).isTrue());
    }

    @Test
    void theOnlyDifferenceTitaniumSeesIsTheBaseUrlOfDataIntegrityProof() throws JsonLdError {
        ActiveContext vc2 = initial(contexts).newContext().create(json("\"" + VC2 + "\""), null);
        JsonValue di2 = contexts.context(DI2).getJsonContent().orElseThrow().asJsonObject().get("@context");
        ActiveContext both = vc2.newContext().overrideProtected(true).create(di2, URI.create(DI2));

        Map<String, TermDefinition> changed = vc2.getTerms().stream()
                .filter(term -> vc2.getTerm(term).orElseThrow().isProtected())
                .filter(term -> both.getTerm(term).orElseThrow().isNotSameExcept(vc2.getTerm(term).orElseThrow()))
                .collect(Collectors.toMap(term -> term, term -> both.getTerm(term).orElseThrow()));

        assertThat(changed).containsOnlyKeys("DataIntegrityProof");
        TermDefinition before = vc2.getTerm("DataIntegrityProof").orElseThrow();
        TermDefinition after = changed.get("DataIntegrityProof");
        assertThat(before.getBaseUrl()).hasToString(VC2);
        assertThat(after.getBaseUrl()).hasToString(DI2);
        assertThat(after.getLocalContext()).isEqualTo(before.getLocalContext());
        assertThat(ContextProcessing.sameExceptBaseUrl(before, after)).isTrue();
    }

    @Test
    void acceptsVc2WithDataIntegrityV2AndKeepsTheEarlierDefinition() throws JsonLdError {
        ActiveContext active = process(contexts, "[\"" + VC2 + "\",\"" + DI2 + "\"]");

        // JSON-LD 1.1 API §4.2.2 step 27.2: the previous definition is kept
        assertThat(active.getTerm("DataIntegrityProof").orElseThrow().getBaseUrl()).hasToString(VC2);
        assertThat(active.getTerm("DataIntegrityProof").orElseThrow().isProtected()).isTrue();
        // what Data Integrity v2 adds is there: "proof" at the top level (VC 2.0 scopes it to credentials)
        assertThat(active.getTerm("proof").orElseThrow().getUriMapping()).isEqualTo("https://w3id.org/security#proof");
        assertThat(active.getTerm("proof").orElseThrow().isProtected()).isTrue();
    }

    @Test
    void acceptsDataIntegrityV2BeforeVc2() throws JsonLdError {
        ActiveContext active = process(contexts, "[\"" + DI2 + "\",\"" + VC2 + "\"]");

        assertThat(active.getTerm("DataIntegrityProof").orElseThrow().getBaseUrl()).hasToString(DI2);
        assertThat(active.getTerm("VerifiableCredential")).isPresent();
    }

    @Test
    void rejectsDataIntegrityV1AfterVc2NamingTheTerm() {
        // v1 scopes "cryptosuite" without the cryptosuiteString datatype and has no "previousProof": jsonld.js
        // rejects the pair too
        assertRedefinition("[\"" + VC2 + "\",\"" + DI1 + "\"]")
                .hasMessageContaining(DI1 + " redefines the protected term 'DataIntegrityProof' with a different");
    }

    @Test
    void rejectsAnInlineContextThatRedefinesAProtectedTermDifferently() {
        assertRedefinition("[\"" + VC2 + "\",{\"name\":\"https://evil.example/name\"}]")
                .hasMessageContaining("an inline context redefines the protected term 'name' with a different")
                .hasMessageNotContaining("description");
    }

    @Test
    void rejectsAnInlineContextThatRepeatsDataIntegrityProofIdentically() {
        JsonObject vc2 = contexts.context(VC2).getJsonContent().orElseThrow().asJsonObject()
                .getJsonObject("@context");
        String inline = "{\"@protected\":true,\"DataIntegrityProof\":" + vc2.get("DataIntegrityProof") + "}";

        assertRedefinition("[\"" + VC2 + "\"," + inline + "]")
                .hasMessageContaining("the protected term 'DataIntegrityProof' identically but from an inline context");
    }

    @Test
    void rejectsBundledContextsWhoseScopedContextsResolveAgainstTheirOwnUrls() {
        // the same JSON in two contexts, but "scoped.json" is a different context at each URL
        BundledContextLoader loader = twoContexts("scoped.json");

        assertThatThrownBy(() -> process(loader, "[\"https://a.example/ctx\",\"https://b.example/ctx\"]"))
                .isInstanceOf(MicrocredException.class)
                .hasMessageContaining("https://b.example/ctx redefines the protected term 'Thing' with a different");
    }

    @Test
    void acceptsBundledContextsWhoseIdenticalScopedContextsNameAnAbsoluteUrl() throws JsonLdError {
        BundledContextLoader loader = twoContexts("https://a.example/scoped.json");

        ActiveContext active = process(loader, "[\"https://a.example/ctx\",\"https://b.example/ctx\"]");

        assertThat(active.getTerm("Thing").orElseThrow().getBaseUrl()).hasToString("https://a.example/ctx");
    }

    @Test
    void baseIndependenceLooksForRelativeReferencesAndImportsAtAnyDepth() {
        assertThat(ContextProcessing.baseIndependent(null)).isTrue();
        assertThat(ContextProcessing.baseIndependent(json("{\"a\":\"https://x.example/a\"}"))).isTrue();
        assertThat(ContextProcessing.baseIndependent(json("[null,\"https://x.example/ctx\"]"))).isTrue();
        assertThat(ContextProcessing.baseIndependent(json("\"ctx.json\""))).isFalse();
        assertThat(ContextProcessing.baseIndependent(json("{\"@import\":\"https://x.example/ctx\"}"))).isFalse();
        assertThat(ContextProcessing.baseIndependent(
                json("{\"a\":{\"@id\":\"https://x.example/a\",\"@context\":{\"b\":{\"@id\":\"https://x.example/b\","
                        + "\"@context\":\"inner.json\"}}}}"))).isFalse();
    }

    @Test
    void theComparisonCoversEveryMemberOfATitaniumTermDefinition() {
        // a titanium upgrade that adds a member to term definitions must be looked at in sameExceptBaseUrl
        List<String> fields = Arrays.stream(TermDefinition.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName).toList();

        assertThat(fields).containsExactlyInAnyOrder("uriMapping", "prefixFlag", "protectedFlag",
                "reversePropertyFlag", "baseUrl", "localContext", "containerMapping", "indexMapping", "nestValue",
                "typeMapping", "directionMapping", "languageMapping");
    }

    private BundledContextLoader twoContexts(String scopedReference) {
        String context = "{\"@context\":{\"@protected\":true,\"Thing\":{\"@id\":\"https://example.org/Thing\","
                + "\"@context\":\"" + scopedReference + "\"}}}";
        return BundledContextLoader.standard()
                .withContext("https://a.example/ctx", context)
                .withContext("https://b.example/ctx", context)
                .withContext("https://a.example/scoped.json", "{\"@context\":{\"size\":\"https://example.org/a#size\"}}")
                .withContext("https://b.example/scoped.json", "{\"@context\":{\"size\":\"https://example.org/b#size\"}}");
    }

    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRedefinition(String context) {
        return assertThatThrownBy(() -> process(contexts, context)).isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.JSONLD_ERROR))
                .hasMessageStartingWith("JSON-LD error protected term redefinition: ");
    }

    private static ActiveContext process(BundledContextLoader loader, String context) throws JsonLdError {
        return new ContextProcessing(loader).process(initial(loader), json(context));
    }

    private static ActiveContext initial(BundledContextLoader loader) {
        return new ActiveContext(null, null, ProcessingRuntime.of(new JsonLdOptions(loader)));
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
