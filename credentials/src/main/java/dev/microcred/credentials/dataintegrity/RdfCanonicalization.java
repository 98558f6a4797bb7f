package dev.microcred.credentials.dataintegrity;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.StringWriter;
import java.util.function.Consumer;

/**
 * RDF Dataset Canonicalization (W3C RDFC-1.0, SHA-256) through titanium-rdfc, written as canonical N-Quads.
 * Used by Data Integrity and by the Blockcerts verifier (whose {@code targetHash} is the SHA-256 of these N-Quads).
 * Stateless and thread-safe.
 */
public final class RdfCanonicalization {
    private RdfCanonicalization() {
    }

    /** Canonical N-Quads of the dataset that {@code source} emits. */
    public static String canonicalize(Consumer<RdfQuadConsumer> source) {
        RdfCanon canon = RdfCanon.create("SHA-256");
        source.accept(canon);
        StringWriter out = new StringWriter(1024);
        try {
            canon.provide(new NQuadsWriter(out));
        } catch (RdfConsumerException e) {
            throw new MicrocredException(Problem.JSONLD_ERROR, "RDF canonicalization failed: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
