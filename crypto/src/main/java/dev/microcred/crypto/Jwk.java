package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON Web Key (RFC 7517) for the three key types microcred uses: {@code OKP}/{@code Ed25519} (RFC 8037 §2),
 * {@code EC}/{@code P-256} (RFC 7518 §6.2) and {@code RSA} (RFC 7518 §6.3), public and, for export and
 * import only, private. Members are exchanged as a map of strings, so that this module needs no JSON library:
 * every member these key types define is a string. Members other than the key's own ({@code kid}, {@code use},
 * {@code alg}, ...) are ignored on reading. Immutable and thread-safe; {@link #toString()} never shows
 * private members. A JWK holding a private key compares equal to its public JWK only if both hold it.
 */
public final class Jwk {
    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64U_DECODER = Base64.getUrlDecoder();

    private final PublicKey publicKey;
    private final Signer privateKey;

    private Jwk(PublicKey publicKey, Signer privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** The public JWK of {@code key}. */
    public static Jwk of(PublicKey key) {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof Ed25519PublicKey || key instanceof P256PublicKey || key instanceof RsaPublicKey)) {
            throw new MicrocredException(Problem.UNSUPPORTED, "no JWK form for " + key.getClass().getSimpleName());
        }
        return new Jwk(key, null);
    }

    /** The JWK of a private key (its public members plus the private ones). */
    public static Jwk of(Signer key) {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof Ed25519PrivateKey || key instanceof P256PrivateKey || key instanceof RsaPrivateKey)) {
            throw new MicrocredException(Problem.UNSUPPORTED, "no JWK form for " + key.getClass().getSimpleName());
        }
        return new Jwk(key.publicKey(), key);
    }

    /**
     * Reads the members of a JWK. A {@code d} member makes it a private JWK; the public members must then
     * belong to the private key. Unknown {@code kty} or {@code crv} is {@link Problem#UNSUPPORTED}, a missing or
     * badly encoded member {@link Problem#MALFORMED_INPUT}, key material that is not a valid key
     * {@link Problem#INVALID_KEY}.
     */
    public static Jwk parse(Map<String, String> members) {
        String kty = required(members, "kty");
        Jwk jwk = switch (kty) {
            case "OKP" -> parseOkp(members);
            case "EC" -> parseEc(members);
            case "RSA" -> parseRsa(members);
            default -> throw new MicrocredException(Problem.UNSUPPORTED, "unsupported JWK kty \"" + kty + "\"");
        };
        if (jwk.privateKey != null && !jwk.privateKey.publicKey().equals(jwk.publicKey)) {
            throw new MicrocredException(Problem.INVALID_KEY, "JWK private key does not match its public members");
        }
        return jwk;
    }

    private static Jwk parseOkp(Map<String, String> members) {
        String crv = required(members, "crv");
        if (!crv.equals("Ed25519")) {
            throw new MicrocredException(Problem.UNSUPPORTED, "unsupported OKP JWK curve \"" + crv + "\"");
        }
        // RFC 8037 §2: "x" is the public key, "d" the private key, each base64url of the raw bytes.
        PublicKey pub = Ed25519PublicKey.of(bytes(members, "x"));
        Signer priv = members.containsKey("d") ? Ed25519PrivateKey.fromSeed(bytes(members, "d")) : null;
        return new Jwk(pub, priv);
    }

    private static Jwk parseEc(Map<String, String> members) {
        String crv = required(members, "crv");
        if (!crv.equals("P-256")) {
            throw new MicrocredException(Problem.UNSUPPORTED, "unsupported EC JWK curve \"" + crv + "\"");
        }
        // RFC 7518 §6.2.1.2-3: x and y are the full-length (32-octet) big-endian coordinates.
        PublicKey pub = P256PublicKey.fromCoordinates(bytes(members, "x"), bytes(members, "y"));
        Signer priv = members.containsKey("d") ? P256PrivateKey.fromScalar(bytes(members, "d")) : null;
        return new Jwk(pub, priv);
    }

    private static Jwk parseRsa(Map<String, String> members) {
        BigInteger n = integer(members, "n");
        BigInteger e = integer(members, "e");
        PublicKey pub = RsaPublicKey.of(n, e);
        Signer priv = null;
        if (members.containsKey("d")) {
            // RFC 7518 §6.3.2: microcred needs the CRT members too (it never creates keys from n, e, d alone).
            priv = RsaPrivateKey.of(n, e, integer(members, "d"), integer(members, "p"), integer(members, "q"),
                    integer(members, "dp"), integer(members, "dq"), integer(members, "qi"));
        }
        return new Jwk(pub, priv);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The private key, when this JWK holds one. */
    public Optional<Signer> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    /** The JWS algorithm this key signs with: {@code EdDSA}, {@code ES256} or {@code RS256}. */
    public String jwsAlgorithm() {
        return switch (publicKey.type()) {
            case ED25519 -> Ed25519PrivateKey.JWS_ALGORITHM;
            case P256 -> P256PrivateKey.JWS_ALGORITHM;
            case RSA -> RsaPrivateKey.JWS_ALGORITHM;
        };
    }

    /** The public members, in the order the RFCs list them; unmodifiable. */
    public Map<String, String> members() {
        Map<String, String> m = new LinkedHashMap<>();
        switch (publicKey.type()) {
            case ED25519 -> {
                m.put("kty", "OKP");
                m.put("crv", "Ed25519");
                m.put("x", b64u(publicKey.bytes()));
            }
            case P256 -> {
                P256PublicKey ec = (P256PublicKey) publicKey;
                m.put("kty", "EC");
                m.put("crv", "P-256");
                m.put("x", b64u(ec.x()));
                m.put("y", b64u(ec.y()));
            }
            case RSA -> {
                RsaPublicKey rsa = (RsaPublicKey) publicKey;
                m.put("kty", "RSA");
                m.put("n", b64u(unsigned(rsa.modulus())));
                m.put("e", b64u(unsigned(rsa.exponent())));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The public members followed by the private ones; only for exporting a key to a person or a file that is
     * protected otherwise. Fails when this JWK holds no private key.
     */
    public Map<String, String> privateMembers() {
        if (privateKey == null) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "this JWK holds no private key");
        }
        Map<String, String> m = new LinkedHashMap<>(members());
        if (privateKey instanceof Ed25519PrivateKey ed) {
            m.put("d", b64u(ed.seed()));
        } else if (privateKey instanceof P256PrivateKey ec) {
            m.put("d", b64u(ec.scalar()));
        } else {
            RSAPrivateCrtKey rsa = ((RsaPrivateKey) privateKey).crtKey();
            m.put("d", b64u(unsigned(rsa.getPrivateExponent())));
            m.put("p", b64u(unsigned(rsa.getPrimeP())));
            m.put("q", b64u(unsigned(rsa.getPrimeQ())));
            m.put("dp", b64u(unsigned(rsa.getPrimeExponentP())));
            m.put("dq", b64u(unsigned(rsa.getPrimeExponentQ())));
            m.put("qi", b64u(unsigned(rsa.getCrtCoefficient())));
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The RFC 7638 thumbprint input: a JSON object of the required public members only, in lexicographic
     * order, without whitespace (§3.2-3.3). Every value is base64url or a fixed name, so nothing needs escaping.
     */
    public String thumbprintInput() {
        Map<String, String> m = members();
        return switch (publicKey.type()) {
            // RFC 7638 §3.2: EC {crv, kty, x, y}; RFC 8037 §2: OKP {crv, kty, x}; RFC 7638 §3.2: RSA {e, kty, n}.
            case ED25519 -> "{\"crv\":\"" + m.get("crv") + "\",\"kty\":\"OKP\",\"x\":\"" + m.get("x") + "\"}";
            case P256 -> "{\"crv\":\"" + m.get("crv") + "\",\"kty\":\"EC\",\"x\":\"" + m.get("x") + "\",\"y\":\""
                    + m.get("y") + "\"}";
            case RSA -> "{\"e\":\"" + m.get("e") + "\",\"kty\":\"RSA\",\"n\":\"" + m.get("n") + "\"}";
        };
    }

    /** The RFC 7638 JWK thumbprint with SHA-256, base64url without padding. */
    public String thumbprint() {
        return b64u(Sha256.digest(thumbprintInput().getBytes(StandardCharsets.UTF_8)));
    }

    private static String required(Map<String, String> members, String name) {
        String value = members.get(name);
        if (value == null || value.isEmpty()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "JWK has no \"" + name + "\" member");
        }
        return value;
    }

    private static byte[] bytes(Map<String, String> members, String name) {
        String value = required(members, name);
        // RFC 7515 §2: base64url without padding; the JDK decoder would also take padding, so refuse '=' here.
        if (value.indexOf('=') >= 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "JWK member \"" + name + "\" is padded base64url");
        }
        try {
            return B64U_DECODER.decode(value);
        } catch (IllegalArgumentException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "JWK member \"" + name + "\" is not base64url", e);
        }
    }

    private static BigInteger integer(Map<String, String> members, String name) {
        return new BigInteger(1, bytes(members, name));
    }

    /** RFC 7518 §2 Base64urlUInt: the minimal big-endian octets (zero is one zero octet). */
    static byte[] unsigned(BigInteger value) {
        byte[] raw = value.toByteArray();
        if (raw.length > 1 && raw[0] == 0) {
            byte[] out = new byte[raw.length - 1];
            System.arraycopy(raw, 1, out, 0, out.length);
            return out;
        }
        return raw;
    }

    private static String b64u(byte[] data) {
        return B64U.encodeToString(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Jwk other && publicKey.equals(other.publicKey)
                && Objects.equals(privateKey, other.privateKey);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "Jwk" + members() + (privateKey == null ? "" : "+private");
    }
}
