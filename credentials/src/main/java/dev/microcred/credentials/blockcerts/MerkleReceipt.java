package dev.microcred.credentials.blockcerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Sha256;
import dev.microcred.crypto.Multibase;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Blockcerts Merkle receipt (Chainpoint v2 form): the certificate's hash ({@code targetHash}), the path from
 * it to the batch's {@code merkleRoot}, and where that root was anchored. Blockcerts v3 carries it in the
 * {@code proofValue} of a {@code MerkleProof2019} proof (or {@code DataIntegrityProof} with cryptosuite
 * {@code merkle-proof-2019}); Blockcerts v2 in the {@code signature} block ({@code MerkleProof2017}).
 *
 * <p>Immutable. The parse methods throw {@link IllegalArgumentException} with the reason when the receipt
 * cannot be read.
 *
 * @see <a href="https://w3c-ccg.github.io/lds-merkleproof2019/">Merkle Proof Signature Suite 2019 (W3C CCG)</a>
 */
public record MerkleReceipt(Bytes targetHash, Bytes merkleRoot, List<PathStep> path, List<Anchor> anchors) {
    // MerkleProof2019 keymap: the CBOR receipt replaces member names and chain names by these integers
    private static final long MERKLE_ROOT = 0;
    private static final long TARGET_HASH = 1;
    private static final long ANCHORS = 2;
    private static final long PATH = 3;
    private static final long PATH_LEFT = 0;
    private static final long PATH_RIGHT = 1;
    private static final long ANCHOR_CHAIN = 0;
    private static final long ANCHOR_NETWORK = 1;
    private static final Map<Long, String> CHAINS = Map.of(0L, "btc", 1L, "eth", 2L, "mtc", 3L, "base",
            -1L, Anchor.MOCKNET);
    private static final Map<String, Map<Long, String>> NETWORKS = Map.of(
            "btc", Map.of(1L, "mainnet", 3L, "testnet"),
            "eth", Map.of(1L, "mainnet", 3L, "ropsten", 4L, "rinkeby", 5L, "goerli", 11155111L, "sepolia"),
            "mtc", Map.of(137L, "mainnet", 80001L, "mumbai"),
            "base", Map.of(8453L, "mainnet", 84532L, "sepolia"),
            Anchor.MOCKNET, Map.of(-1L, Anchor.MOCKNET));
    // Blockcerts v2 anchors name chain and network together (cert-issuer's chain names)
    private static final Map<String, String[]> V2_CHAINS = Map.of(
            "bitcoinMainnet", new String[] {"btc", "mainnet"},
            "bitcoinTestnet", new String[] {"btc", "testnet"},
            "bitcoinRegtest", new String[] {"btc", "regtest"},
            "ethereumMainnet", new String[] {"eth", "mainnet"},
            "ethereumRopsten", new String[] {"eth", "ropsten"},
            "ethereumRinkeby", new String[] {"eth", "rinkeby"},
            "ethereumGoerli", new String[] {"eth", "goerli"},
            "ethereumSepolia", new String[] {"eth", "sepolia"},
            "mockchain", new String[] {Anchor.MOCKNET, Anchor.MOCKNET});

    public MerkleReceipt {
        Objects.requireNonNull(targetHash, "targetHash");
        Objects.requireNonNull(merkleRoot, "merkleRoot");
        if (targetHash.length() != 32 || merkleRoot.length() != 32) {
            throw new IllegalArgumentException("targetHash and merkleRoot must be 32-byte SHA-256 hashes");
        }
        path = List.copyOf(path);
        anchors = List.copyOf(anchors);
    }

    /**
     * Decodes a MerkleProof2019 {@code proofValue}: multibase base58-btc ({@code z...}) of a CBOR array of
     * {@code [key, value]} pairs, keys from the keymap (0 merkleRoot, 1 targetHash, 2 anchors, 3 path); each hash
     * is wrapped once more in CBOR (as a byte string, or as hex text: cert-issuer writes text); a path step is {@code [0 left | 1 right, hash]}; an anchor
     * is a list of pairs {@code [0, chain id]}, {@code [1, network id]} and the transaction, wrapped in CBOR.
     */
    public static MerkleReceipt parseProofValue(String proofValue) {
        if (proofValue == null || !proofValue.startsWith("z")) {
            throw new IllegalArgumentException("proofValue is missing or not multibase base58-btc");
        }
        Object decoded;
        try {
            decoded = Cbor.decode(Multibase.decode(proofValue));
        } catch (MicrocredException e) {
            throw new IllegalArgumentException("proofValue is not base58-btc");
        }
        Map<Long, Object> fields = pairs(decoded, "the receipt");
        for (Long key : fields.keySet()) {
            if (key < MERKLE_ROOT || key > PATH) {
                throw new IllegalArgumentException("the receipt has an unknown member " + key);
            }
        }
        List<PathStep> path = new ArrayList<>();
        for (Object step : list(fields.getOrDefault(PATH, List.of()), "path")) {
            List<Object> pair = list(step, "a path step");
            if (pair.size() != 2 || !(pair.get(0) instanceof Long side) || side != PATH_LEFT && side != PATH_RIGHT) {
                throw new IllegalArgumentException("a path step must be [0 (left) or 1 (right), hash]");
            }
            path.add(new PathStep(side == PATH_LEFT ? PathStep.Side.LEFT : PathStep.Side.RIGHT,
                    hash(pair.get(1), "a path step")));
        }
        List<Anchor> anchors = new ArrayList<>();
        for (Object anchor : list(required(fields, ANCHORS, "anchors"), "anchors")) {
            anchors.add(anchor(pairs(anchor, "an anchor")));
        }
        return new MerkleReceipt(hash(required(fields, TARGET_HASH, "targetHash"), "targetHash"),
                hash(required(fields, MERKLE_ROOT, "merkleRoot"), "merkleRoot"), path, anchors);
    }

    /**
     * Reads a Blockcerts v2 {@code signature} block ({@code MerkleProof2017}): hex {@code targetHash} and
     * {@code merkleRoot}, {@code proof} as a list of {@code {"left": hex}} / {@code {"right": hex}}, and
     * {@code anchors} as {@code {"sourceId", "type", "chain"}} objects.
     */
    public static MerkleReceipt ofSignature(JsonNode signature) {
        if (signature == null || !signature.isObject()) {
            throw new IllegalArgumentException("the signature block is not an object");
        }
        List<PathStep> path = new ArrayList<>();
        JsonNode proof = signature.path("proof");
        if (!proof.isMissingNode() && !proof.isArray()) {
            throw new IllegalArgumentException("signature.proof must be a list of left/right steps");
        }
        for (JsonNode step : proof) {
            if (!step.isObject() || step.size() != 1 || !(step.has("left") || step.has("right"))) {
                throw new IllegalArgumentException("a path step must be {\"left\": hash} or {\"right\": hash}");
            }
            boolean left = step.has("left");
            path.add(new PathStep(left ? PathStep.Side.LEFT : PathStep.Side.RIGHT,
                    hex(step.get(left ? "left" : "right"), "a path step")));
        }
        List<Anchor> anchors = new ArrayList<>();
        JsonNode list = signature.path("anchors");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("signature.anchors must list at least one anchor");
        }
        for (JsonNode anchor : list) {
            String chain = anchor.path("chain").asText("");
            String[] known = "Mock".equals(anchor.path("type").asText()) ? V2_CHAINS.get("mockchain")
                    : V2_CHAINS.get(chain);
            String source = anchor.path("sourceId").asText("");
            anchors.add(known == null ? new Anchor(chain.isEmpty() ? "unknown" : chain, "", source)
                    : new Anchor(known[0], known[1], source));
        }
        return new MerkleReceipt(hex(signature.get("targetHash"), "targetHash"),
                hex(signature.get("merkleRoot"), "merkleRoot"), path, anchors);
    }

    /**
     * The root the path leads to from {@code targetHash} (Chainpoint v2: for each step, a left sibling gives
     * SHA-256(sibling || current), a right sibling SHA-256(current || sibling); an empty path leaves the target).
     */
    public Bytes computedRoot() {
        byte[] current = targetHash.toArray();
        for (PathStep step : path) {
            MessageDigest digest = Sha256.newDigest();
            if (step.side() == PathStep.Side.LEFT) {
                digest.update(step.sibling().toArray());
                digest.update(current);
            } else {
                digest.update(current);
                digest.update(step.sibling().toArray());
            }
            current = digest.digest();
        }
        return Bytes.of(current);
    }

    /** Whether the path leads from {@code targetHash} to {@code merkleRoot}. */
    public boolean pathLeadsToRoot() {
        return computedRoot().equals(merkleRoot);
    }

    private static Anchor anchor(Map<Long, Object> fields) {
        Object chainId = fields.get(ANCHOR_CHAIN);
        if (!(chainId instanceof Long id)) {
            throw new IllegalArgumentException("an anchor must name its chain");
        }
        String chain = CHAINS.getOrDefault(id, "chain-" + id);
        String network = "";
        String transaction = "";
        for (Map.Entry<Long, Object> field : fields.entrySet()) {
            if (field.getKey() == ANCHOR_CHAIN) {
                continue;
            }
            if (field.getKey() == ANCHOR_NETWORK && field.getValue() instanceof Long networkId) {
                network = NETWORKS.getOrDefault(chain, Map.of()).getOrDefault(networkId, "network-" + networkId);
            } else {
                // the transaction id, or the text the mock chain carries instead, each wrapped in CBOR
                transaction = embeddedText(field.getValue());
            }
        }
        return new Anchor(chain, network, transaction);
    }

    private static Map<Long, Object> pairs(Object item, String what) {
        Map<Long, Object> fields = new LinkedHashMap<>();
        if (item instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof Long key)) {
                    throw new IllegalArgumentException(what + " has a non-integer key");
                }
                fields.put(key, entry.getValue());
            }
            return fields;
        }
        for (Object element : list(item, what)) {
            List<Object> pair = list(element, what);
            if (pair.size() != 2 || !(pair.get(0) instanceof Long key)) {
                throw new IllegalArgumentException(what + " must be a list of [integer key, value] pairs");
            }
            if (fields.put(key, pair.get(1)) != null) {
                throw new IllegalArgumentException(what + " repeats key " + key);
            }
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object item, String what) {
        if (!(item instanceof List<?>)) {
            throw new IllegalArgumentException(what + " must be a CBOR array");
        }
        return (List<Object>) item;
    }

    private static Object required(Map<Long, Object> fields, long key, String name) {
        Object value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the receipt has no " + name);
        }
        return value;
    }

    /** A hash: wrapped in CBOR as a 32-byte byte string, or (as cert-issuer writes it) as 64 hex digits of text. */
    private static Bytes hash(Object item, String what) {
        Object inner = embedded(item, what);
        if (inner instanceof String text && text.matches("[0-9a-fA-F]{64}")) {
            return Bytes.parseHex(text);
        }
        if (inner instanceof Bytes bytes && bytes.length() == 32) {
            return bytes;
        }
        throw new IllegalArgumentException(what + " must be a 32-byte hash");
    }

    private static String embeddedText(Object item) {
        Object inner = embedded(item, "an anchor's transaction");
        if (inner instanceof String text && text.matches("([0-9a-fA-F]{2})+")) {
            return text.toLowerCase(java.util.Locale.ROOT);
        }
        if (inner instanceof Bytes bytes) {
            return bytes.hex();
        }
        if (inner instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("an anchor's transaction must be bytes or text");
    }

    /** A value the receipt wraps twice: a CBOR byte string holding the CBOR encoding of the value. */
    private static Object embedded(Object item, String what) {
        if (!(item instanceof Bytes wrapped)) {
            throw new IllegalArgumentException(what + " must be a CBOR byte string");
        }
        return Cbor.decode(wrapped.toArray());
    }

    private static Bytes hex(JsonNode node, String what) {
        if (node == null || !node.isTextual() || !node.textValue().matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException(what + " must be a 64-digit hex SHA-256 hash");
        }
        return Bytes.parseHex(node.textValue());
    }
}
