package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;

/**
 * The {@code did:key} method (W3C CCG did:key v0.7) for Ed25519 ({@code z6Mk...}) and P-256 ({@code zDn...})
 * keys: {@code did:key:<Multikey>}; the single verification
 * method's id is the DID followed by {@code #<Multikey>}. Resolution is offline. Stateless.
 */
public final class DidKey {
    public static final String PREFIX = "did:key:";

    private DidKey() {
    }

    /** The DID for {@code key}. */
    public static String of(PublicKey key) {
        return PREFIX + Multikey.encode(key);
    }

    /** The verification method id ({@code did:key:z..#z..}) for {@code key}. */
    public static String verificationMethodId(PublicKey key) {
        String multikey = Multikey.encode(key);
        return PREFIX + multikey + "#" + multikey;
    }

    /**
     * Resolves a {@code did:key} DID or DID URL to its verification method. A fragment, when present, must
     * name the key itself (the only verification method a did:key document has).
     */
    public static VerificationMethod resolve(String didOrDidUrl) {
        if (didOrDidUrl != null) {
            VerificationMethod cached = RESOLVED.get(didOrDidUrl);
            if (cached != null) {
                return cached;
            }
        }
        VerificationMethod resolved = resolveUncached(didOrDidUrl);
        if (RESOLVED.size() >= MAX_CACHED) {
            RESOLVED.clear();
        }
        RESOLVED.put(didOrDidUrl, resolved);
        return resolved;
    }

    /**
     * did:key resolution is a pure function of the identifier, so results are kept (at most {@link #MAX_CACHED}):
     * a verifier that sees the same issuer again skips decoding and decompressing its key.
     */
    private static final int MAX_CACHED = 4096;
    private static final java.util.Map<String, VerificationMethod> RESOLVED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static VerificationMethod resolveUncached(String didOrDidUrl) {
        if (didOrDidUrl == null || !didOrDidUrl.startsWith(PREFIX)) {
            throw new MicrocredException(Problem.KEY_NOT_FOUND, "not a did:key identifier");
        }
        String rest = didOrDidUrl.substring(PREFIX.length());
        String fragment = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        PublicKey key = Multikey.decode(rest);
        if (fragment != null && !fragment.equals(rest)) {
            throw new MicrocredException(Problem.KEY_NOT_FOUND,
                    "did:key document has no verification method #" + Multikey.abbreviate(fragment));
        }
        String did = PREFIX + rest;
        return new VerificationMethod(did + "#" + rest, did, key);
    }
}
