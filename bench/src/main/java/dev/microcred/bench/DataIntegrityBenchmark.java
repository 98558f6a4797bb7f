package dev.microcred.bench;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.dataintegrity.Cryptosuite;
import dev.microcred.credentials.dataintegrity.DataIntegrity;
import dev.microcred.credentials.dataintegrity.KeyResolver;
import dev.microcred.credentials.dataintegrity.ProofOptions;
import dev.microcred.credentials.dataintegrity.RdfCanonicalization;
import dev.microcred.credentials.dataintegrity.VerificationResult;
import dev.microcred.credentials.jcs.JsonCanonicalizer;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.jsonld.JsonLdProcessor;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.Ed25519PublicKey;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Data Integrity on a realistic ~3 KB Open Badges 3.0 credential (alignments, result description, result, schema,
 * status), single thread, operations per second: eddsa-rdfc-2022 and eddsa-jcs-2022 sign and verify, and the
 * floors they are built from (Ed25519, JSON-LD expansion, JSON-LD to RDF, RDFC-1.0 alone, JCS alone). JSON-LD to RDF
 * runs twice: {@code floorJsonLdToRdf} on the compiled path {@code DataIntegrity} uses, and
 * {@code floorJsonLdToRdfTitanium} through titanium's expansion and deserialization; their ratio is the speed-up,
 * meaningful even on a loaded machine since both run in the same session.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DataIntegrityBenchmark {
    private final DataIntegrity dataIntegrity = DataIntegrity.standard();
    private final JsonLdProcessor jsonLd = JsonLdProcessor.standard();
    private final JsonLdProcessor titanium = jsonLd.titaniumOnly();
    private Ed25519PrivateKey key;
    private ObjectNode credential;
    private ObjectNode signedRdfc;
    private ObjectNode signedJcs;
    private ProofOptions rdfc;
    private ProofOptions jcs;
    private byte[] message;
    private byte[] signature;
    private List<String[]> quads;

    @Setup
    public void setUp() {
        key = Ed25519PrivateKey.fromSeed(new byte[32]);
        try (InputStream in = DataIntegrityBenchmark.class.getResourceAsStream("ob3-realistic.json")) {
            credential = Json.parseObject(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String method = DidKey.verificationMethodId(key.publicKey());
        Instant created = Instant.parse("2025-03-01T09:00:00Z");
        rdfc = ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, method).withCreated(created);
        jcs = ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, method).withCreated(created);
        signedRdfc = dataIntegrity.sign(credential, rdfc, key);
        signedJcs = dataIntegrity.sign(credential, jcs, key);
        message = new byte[64];
        signature = key.sign(message);
        quads = new ArrayList<>();
        jsonLd.toRdf(credential, (s, p, o, dt, lang, dir, g) -> {
            quads.add(new String[] {s, p, o, dt, lang, dir, g});
            return null;
        });
        if (!dataIntegrity.verify(signedRdfc, KeyResolver.didKeyOnly()).verified()
                || !dataIntegrity.verify(signedJcs, KeyResolver.didKeyOnly()).verified()) {
            throw new IllegalStateException("fixture does not verify");
        }
    }

    @Benchmark
    public ObjectNode rdfcSign() {
        return dataIntegrity.sign(credential, rdfc, key);
    }

    @Benchmark
    public VerificationResult rdfcVerify() {
        return dataIntegrity.verify(signedRdfc, KeyResolver.didKeyOnly());
    }

    @Benchmark
    public ObjectNode jcsSign() {
        return dataIntegrity.sign(credential, jcs, key);
    }

    @Benchmark
    public VerificationResult jcsVerify() {
        return dataIntegrity.verify(signedJcs, KeyResolver.didKeyOnly());
    }

    @Benchmark
    public byte[] floorEd25519Sign() {
        return key.sign(message);
    }

    @Benchmark
    public boolean floorEd25519Verify() {
        Ed25519PublicKey pub = key.publicKey();
        return pub.verify(message, signature);
    }

    @Benchmark
    public JsonArray floorJsonLdExpand() {
        return jsonLd.expand(credential);
    }

    @Benchmark
    public int floorJsonLdToRdf() {
        return toRdf(jsonLd);
    }

    @Benchmark
    public int floorJsonLdToRdfTitanium() {
        return toRdf(titanium);
    }

    private int toRdf(JsonLdProcessor processor) {
        int[] count = new int[1];
        processor.toRdf(credential, (s, p, o, dt, lang, dir, g) -> {
            count[0]++;
            return null;
        });
        return count[0];
    }

    @Benchmark
    public String floorRdfc() throws RdfConsumerException {
        RdfCanon canon = RdfCanon.create("SHA-256");
        for (String[] q : quads) {
            canon.quad(q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
        }
        StringWriter out = new StringWriter(4096);
        canon.provide(new NQuadsWriter(out));
        return out.toString();
    }

    /**
     * RDFC-1.0 as microcred runs it ({@code RdfCanonicalization}: the first-degree path, titanium-rdfc only when blank
     * nodes share a first-degree hash) over the same quads as {@link #floorRdfc}.
     */
    @Benchmark
    public String rdfcCanonicalize() {
        return RdfCanonicalization.canonicalize(c -> {
            for (String[] q : quads) {
                try {
                    c.quad(q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
                } catch (RdfConsumerException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    @Benchmark
    public String floorJcs() {
        return JsonCanonicalizer.canonicalize(credential);
    }

}
