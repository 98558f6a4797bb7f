package dev.microcred.server.issuing;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.store.ApiToken;
import dev.microcred.store.Database;
import dev.microcred.store.Store;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * API tokens: made with a fresh secret shown once ({@code mcat_...}), stored as its SHA-256, checked on every
 * request. Thread-safe.
 */
public final class AccessTokens {
    public static final String PREFIX = "mcat";
    private final Database db;
    private final Store store;
    private final Clock clock;

    public AccessTokens(Database db, Store store, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token that was just made: its secret (show it once) and its stored form. */
    public record Created(String secret, ApiToken token) {
        @Override
        public String toString() {
            return "Created[" + token + "]";
        }
    }

    /** Makes a token for an issuer (or, with a null issuer, for the platform). */
    public Created create(String issuerId, String name, Set<String> scopes) {
        String secret = OpaqueTokens.create(PREFIX);
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), OpaqueTokens.hash(secret), name, null, issuerId,
                scopes, clock.instant(), null, null);
        db.inTransaction(c -> {
            store.apiTokens().insert(c, token);
            return null;
        });
        return new Created(secret, token);
    }

    /**
     * Registers a platform-admin secret chosen outside (the {@code MICROCRED_ADMIN_TOKEN} environment variable),
     * once.
     */
    public void registerAdmin(String secret) {
        if (secret.length() < 24) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "MICROCRED_ADMIN_TOKEN must be at least 24 characters");
        }
        String hash = OpaqueTokens.hash(secret);
        db.inTransaction(c -> {
            if (store.apiTokens().byHash(c, hash).isEmpty()) {
                store.apiTokens().insert(c, new ApiToken(UUID.randomUUID().toString(), hash, "environment admin",
                        null, null, Set.of(Scopes.PLATFORM_ADMIN), clock.instant(), null, null));
            }
            return null;
        });
    }

    /** The usable token with this secret, if any. */
    public Optional<ApiToken> find(String secret) {
        String hash = OpaqueTokens.hash(secret);
        return db.read(c -> store.apiTokens().byHash(c, hash)).filter(t -> t.isUsable(clock.instant()));
    }
}
