package dev.microcred.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.jose.KeyResolver;
import dev.microcred.credentials.jose.VcJwt;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.P256PrivateKey;
import dev.microcred.crypto.RsaPrivateKey;
import dev.microcred.crypto.Signer;
import dev.microcred.crypto.VerificationMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * OB 3.0 VC-JWT issue ({@link VcJwt#issue}) and verify ({@link VcJwt#verify}) for each algorithm, single
 * thread, on the specification's skill assertion example (about 2.6 KB compact JSON; the JWT is about
 * 3.7 KB). The key resolver returns an already resolved verification method, as a server's key cache does, so
 * the figures are the JOSE work: serialization, base64url, parsing, claim checks and the signature.
 * Run: {@code java -cp <classpath> org.openjdk.jmh.Main JwtBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JwtBenchmark {
    @Param({"EdDSA", "ES256", "RS256"})
    public String alg;

    private Signer signer;
    private String kid;
    private KeyResolver keys;
    private ObjectNode credential;
    private String jwt;

    @Setup
    public void setUp() {
        signer = switch (alg) {
            case "EdDSA" -> Ed25519PrivateKey.generate();
            case "ES256" -> P256PrivateKey.generate();
            case "RS256" -> RsaPrivateKey.generate();
            default -> throw new IllegalArgumentException(alg);
        };
        String issuer = alg.equals("RS256") ? "https://1edtech.edu/issuers/565049" : DidKey.of(signer.publicKey());
        kid = alg.equals("RS256") ? issuer + "#key-1" : DidKey.verificationMethodId(signer.publicKey());
        VerificationMethod method = new VerificationMethod(kid, issuer, signer.publicKey());
        keys = id -> method;
        try (InputStream in = JwtBenchmark.class.getResourceAsStream("ob3-skill-assertion.json")) {
            credential = Json.parseObject(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((ObjectNode) credential.get("issuer")).put("id", issuer);
        jwt = VcJwt.issue(credential, signer, kid);
        if (!VcJwt.verify(jwt, keys).verified()) {
            throw new IllegalStateException("the benchmark JWT does not verify");
        }
    }

    @Benchmark
    public String sign() {
        return VcJwt.issue(credential, signer, kid);
    }

    @Benchmark
    public boolean verify() {
        return VcJwt.verify(jwt, keys).verified();
    }
}
