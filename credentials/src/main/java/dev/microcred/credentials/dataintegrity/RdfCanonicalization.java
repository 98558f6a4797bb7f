package dev.microcred.credentials.dataintegrity;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * RDF Dataset Canonicalization (W3C RDFC-1.0, SHA-256), written as canonical N-Quads. Used by Data Integrity and by
 * the Blockcerts verifier (whose {@code targetHash} is the SHA-256 of these N-Quads). Stateless and thread-safe.
 *
 * <p>Two paths with one output. When every blank node's first-degree hash is unique (RDFC-1.0 §4.4.3 step 5.4: each
 * gets its canonical identifier in hash order and the N-degree step never runs, which is the case of every
 * credential microcred issues), the dataset is canonicalized here, serializing each quad once with titanium's
 * {@link NQuadsWriter} and ordering lines as titanium-rdfc does. Any other dataset (shared first-degree hashes, a
 * blank node twice in one quad, a blank predicate, a quad emitted twice) goes whole to titanium-rdfc. {@code RdfCanonicalizationTest}
 * compares the two byte for byte.
 */
public final class RdfCanonicalization {
    private static final String HASH = "SHA-256";

    private RdfCanonicalization() {
    }

    /** Canonical N-Quads of the dataset that {@code source} emits. */
    public static String canonicalize(Consumer<RdfQuadConsumer> source) {
        Dataset dataset = new Dataset();
        source.accept(dataset);
        String fast = dataset.repeated ? null : firstDegreeOnly(dataset.quads);
        return fast != null ? fast : titanium(dataset.emitted);
    }

    private static String titanium(List<Quad> quads) {
        RdfCanon canon = RdfCanon.create(HASH);
        quads.forEach(q -> canon.quad(q.subject, q.predicate, q.object, q.datatype, q.language, q.direction, q.graph));
        StringWriter out = new StringWriter(1024);
        try {
            canon.provide(new NQuadsWriter(out));
        } catch (RdfConsumerException e) {
            throw new MicrocredException(Problem.JSONLD_ERROR, "RDF canonicalization failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * RDFC-1.0 §4.4.3 when no two blank nodes share a first-degree hash; null otherwise (titanium then does it all).
     */
    static String firstDegreeOnly(Set<Quad> quads) {
        // §4.4.3 step 2: the quads each blank node occurs in
        Map<String, List<Quad>> byBlank = new HashMap<>();
        for (Quad q : quads) {
            if (isBlank(q.predicate)) {
                return null;
            }
            String s = isBlank(q.subject) ? q.subject : null;
            String o = q.datatype == null && isBlank(q.object) ? q.object : null;
            String g = isBlank(q.graph) ? q.graph : null;
            if (s != null && (s.equals(o) || s.equals(g)) || o != null && o.equals(g)) {
                return null;
            }
            for (String b : new String[] {s, o, g}) {
                if (b != null) {
                    byBlank.computeIfAbsent(b, k -> new ArrayList<>(4)).add(q);
                }
            }
        }
        // §4.4.3 steps 3-5: first-degree hashes (§4.6); all distinct, so canonical ids follow the hashes' order
        String[] hashes = new String[byBlank.size()];
        Map<String, String> blankOfHash = new HashMap<>(byBlank.size() * 2);
        MessageDigest digest = Sha256.newDigest();
        int n = 0;
        for (Map.Entry<String, List<Quad>> e : byBlank.entrySet()) {
            String hash = hashFirstDegree(e.getKey(), e.getValue(), digest);
            if (blankOfHash.putIfAbsent(hash, e.getKey()) != null) {
                return null;
            }
            hashes[n++] = hash;
        }
        Arrays.sort(hashes);
        Map<String, String> canonical = new HashMap<>(hashes.length * 2);
        for (int i = 0; i < hashes.length; i++) {
            canonical.put(blankOfHash.get(hashes[i]), "_:c14n" + i);
        }
        // §4.4.3 step 7: every quad with canonical identifiers, in N-Quads, sorted
        String[] lines = new String[quads.size()];
        int i = 0;
        for (Quad q : quads) {
            lines[i++] = NQuadsWriter.nquad(relabel(q.subject, canonical), q.predicate,
                    q.datatype == null ? relabel(q.object, canonical) : q.object, q.datatype, q.language, q.direction,
                    relabel(q.graph, canonical));
        }
        Arrays.sort(lines);
        StringBuilder out = new StringBuilder(lines.length * 96);
        for (String line : lines) {
            out.append(line);
        }
        return out.toString();
    }

    /** §4.6.3: the quads of {@code blank} with it as {@code _:a} and every other blank node as {@code _:z}, hashed. */
    private static String hashFirstDegree(String blank, List<Quad> quads, MessageDigest digest) {
        String[] lines = new String[quads.size()];
        for (int i = 0; i < lines.length; i++) {
            Quad q = quads.get(i);
            lines[i] = NQuadsWriter.nquad(reference(q.subject, blank), q.predicate,
                    q.datatype == null ? reference(q.object, blank) : q.object, q.datatype, q.language, q.direction,
                    reference(q.graph, blank));
        }
        Arrays.sort(lines);
        digest.reset();
        for (String line : lines) {
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return hex(digest.digest());
    }

    private static String reference(String term, String blank) {
        return isBlank(term) ? term.equals(blank) ? "_:a" : "_:z" : term;
    }

    private static String relabel(String term, Map<String, String> canonical) {
        return isBlank(term) ? canonical.get(term) : term;
    }

    private static boolean isBlank(String term) {
        return term != null && term.startsWith("_:");
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = Character.forDigit((bytes[i] >> 4) & 0xf, 16);
            out[2 * i + 1] = Character.forDigit(bytes[i] & 0xf, 16);
        }
        return new String(out);
    }

    /** One quad as {@link RdfQuadConsumer} gives it (a literal object has a datatype); equal fields, equal quads. */
    record Quad(String subject, String predicate, String object, String datatype, String language, String direction,
                String graph) {
    }

    /**
     * What a source emits: its quads as a set, and as emitted. A source that emits a quad twice goes to titanium
     * as emitted (titanium counts a repeated quad in its blank nodes' hashes), so the output stays what it was.
     */
    static final class Dataset implements RdfQuadConsumer {
        final Set<Quad> quads = new LinkedHashSet<>();
        final List<Quad> emitted = new ArrayList<>();
        boolean repeated;

        @Override
        public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
                                    String direction, String graph) {
            Quad q = new Quad(subject, predicate, object, datatype, language, direction, graph);
            emitted.add(q);
            repeated |= !quads.add(q);
            return this;
        }
    }
}
