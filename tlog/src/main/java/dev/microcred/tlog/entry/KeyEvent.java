package dev.microcred.tlog.entry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An issuer key was added, rotated (replaced by a successor) or revoked.
 *
 * @param action    {@code key-added}, {@code key-rotated} or {@code key-revoked}
 * @param issuer    the issuer's DID
 * @param key       the DID URL of the key, under the issuer's DID
 * @param publicKey the Multikey ({@code z...}) of an added key; empty otherwise
 * @param successor the DID URL of the key replacing a rotated key; empty otherwise
 * @param time      when the event happened
 */
public record KeyEvent(String action, String issuer, String key, Optional<String> publicKey,
        Optional<String> successor, Instant time) implements LogEntry {
    public static final String ADDED = "key-added";
    public static final String ROTATED = "key-rotated";
    public static final String REVOKED = "key-revoked";

    public KeyEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(successor, "successor");
        EntryText.did(issuer);
        EntryText.keyOf(issuer, key);
        switch (action) {
            case ADDED -> {
                EntryText.multikey(publicKey.orElse(null));
                if (successor.isPresent()) {
                    throw EntryText.malformed("an added key has no successor");
                }
            }
            case ROTATED -> {
                EntryText.keyOf(issuer, successor.orElse(null));
                if (publicKey.isPresent() || successor.get().equals(key)) {
                    throw EntryText.malformed("a rotated key has another key as successor and no public key");
                }
            }
            case REVOKED -> {
                if (publicKey.isPresent() || successor.isPresent()) {
                    throw EntryText.malformed("a revoked key has neither public key nor successor");
                }
            }
            default -> throw EntryText.malformed("unknown key event " + action);
        }
        EntryText.time(time);
    }

    public static KeyEvent added(String issuer, String key, String multikey, Instant time) {
        return new KeyEvent(ADDED, issuer, key, Optional.of(multikey), Optional.empty(), time);
    }

    public static KeyEvent rotated(String issuer, String key, String successor, Instant time) {
        return new KeyEvent(ROTATED, issuer, key, Optional.empty(), Optional.of(successor), time);
    }

    public static KeyEvent revoked(String issuer, String key, Instant time) {
        return new KeyEvent(REVOKED, issuer, key, Optional.empty(), Optional.empty(), time);
    }

    static KeyEvent read(String action, EntryText fields) {
        String issuer = fields.next("issuer");
        String key = fields.next("key");
        Optional<String> publicKey = action.equals(ADDED) ? Optional.of(fields.next("public-key")) : Optional.empty();
        Optional<String> successor = action.equals(ROTATED) ? Optional.of(fields.next("successor")) : Optional.empty();
        KeyEvent entry = new KeyEvent(action, issuer, key, publicKey, successor,
                EntryText.parseTime(fields.next("time")));
        fields.end();
        return entry;
    }

    @Override
    public String type() {
        return action;
    }

    @Override
    public String format() {
        return switch (action) {
            case ADDED -> EntryText.format(action, "issuer", issuer, "key", key, "public-key", publicKey.get(),
                    "time", time.toString());
            case ROTATED -> EntryText.format(action, "issuer", issuer, "key", key, "successor", successor.get(),
                    "time", time.toString());
            default -> EntryText.format(action, "issuer", issuer, "key", key, "time", time.toString());
        };
    }
}
