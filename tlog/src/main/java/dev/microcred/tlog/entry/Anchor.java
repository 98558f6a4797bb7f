package dev.microcred.tlog.entry;

import dev.microcred.tlog.merkle.Hash;
import java.time.Instant;
import java.util.Objects;

/**
 * A checkpoint of the log was anchored on a public chain.
 *
 * @param log        the checkpoint origin
 * @param size       the checkpoint tree size
 * @param checkpoint SHA-256 of the checkpoint note text
 * @param chain      the CAIP-2 chain id, e.g. {@code eip155:1}
 * @param tx         the transaction id, as the chain writes it
 * @param time       when the transaction was confirmed
 */
public record Anchor(String log, long size, Hash checkpoint, String chain, String tx, Instant time)
        implements LogEntry {
    static final String TYPE = "anchor";

    public Anchor {
        EntryText.origin(log);
        if (size < 0) {
            throw EntryText.malformed("negative size");
        }
        Objects.requireNonNull(checkpoint, "checkpoint");
        EntryText.chain(chain);
        EntryText.tx(tx);
        EntryText.time(time);
    }

    static Anchor read(EntryText fields) {
        Anchor entry = new Anchor(EntryText.origin(fields.next("log")), EntryText.number(fields.next("size"), "size"),
                EntryText.sha256(fields.next("checkpoint")), fields.next("chain"), fields.next("tx"),
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
        return EntryText.format(TYPE, "log", log, "size", Long.toString(size), "checkpoint",
                EntryText.sha256(checkpoint), "chain", chain, "tx", tx, "time", time.toString());
    }
}
