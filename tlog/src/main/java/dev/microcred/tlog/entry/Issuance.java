package dev.microcred.tlog.entry;

import dev.microcred.tlog.merkle.Hash;
import java.time.Instant;
import java.util.Objects;

/**
 * A credential was issued.
 *
 * @param issuer     the issuer's DID
 * @param key        the DID URL of the key that signed the credential, under the issuer's DID
 * @param credential SHA-256 of the signed credential as issued
 * @param time       the issuance time the credential states
 */
public record Issuance(String issuer, String key, Hash credential, Instant time) implements LogEntry {
    static final String TYPE = "issuance";

    public Issuance {
        EntryText.did(issuer);
        EntryText.keyOf(issuer, key);
        Objects.requireNonNull(credential, "credential");
        EntryText.time(time);
    }

    static Issuance read(EntryText fields) {
        String issuer = fields.next("issuer");
        Issuance entry = new Issuance(issuer, fields.next("key"), EntryText.sha256(fields.next("credential")),
                EntryText.parseTime(fields.next("time")));
        fields.end();
        return entry;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String format() {
        return EntryText.format(TYPE, "issuer", issuer, "key", key, "credential", EntryText.sha256(credential),
                "time", time.toString());
    }
}
