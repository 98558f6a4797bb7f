package dev.microcred.tlog.policy;

import dev.microcred.tlog.witness.CosignatureVerifier;
import java.util.Objects;
import java.util.Optional;

/**
 * A witness of a policy.
 *
 * @param name the name the policy uses for it in groups and the quorum
 * @param key  its cosignature key
 * @param url  its submission prefix, if the policy says
 */
public record PolicyWitness(String name, CosignatureVerifier key, Optional<String> url) {
    public PolicyWitness {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(url, "url");
    }
}
