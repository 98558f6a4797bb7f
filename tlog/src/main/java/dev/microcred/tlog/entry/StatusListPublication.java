package dev.microcred.tlog.entry;

import dev.microcred.tlog.merkle.Hash;
import java.time.Instant;
import java.util.Objects;

/**
 * A version of a status list credential was published.
 *
 * @param issuer  the issuer's DID
 * @param url     the https URL the status list credential is served at
 * @param version the version number, from 1
 * @param list    SHA-256 of the bytes of that version
 * @param time    when it was published
 */
public record StatusListPublication(String issuer, String url, long version, Hash list, Instant time)
        implements LogEntry {
    static final String TYPE = "status-list";

    public StatusListPublication {
        EntryText.did(issuer);
        EntryText.https(url);
        if (version < 1) {
            throw EntryText.malformed("a status list version is 1 or more");
        }
        Objects.requireNonNull(list, "list");
        EntryText.time(time);
    }

    static StatusListPublication read(EntryText fields) {
        StatusListPublication entry = new StatusListPublication(fields.next("issuer"), fields.next("url"),
                EntryText.number(fields.next("version"), "version"), EntryText.sha256(fields.next("list")),
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
        return EntryText.format(TYPE, "issuer", issuer, "url", url, "version", Long.toString(version),
                "list", EntryText.sha256(list), "time", time.toString());
    }
}
