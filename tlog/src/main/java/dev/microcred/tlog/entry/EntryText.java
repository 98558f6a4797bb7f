package dev.microcred.tlog.entry;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.merkle.Hash;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Field syntax of entries, and a cursor over the field lines of one entry being parsed. */
final class EntryText {
    private static final Pattern DID = Pattern.compile("did:[a-z0-9]+:[A-Za-z0-9._:%-]+");
    private static final Pattern DID_URL = Pattern.compile("(did:[a-z0-9]+:[A-Za-z0-9._:%-]+)#[A-Za-z0-9._~%-]+");
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern MULTIKEY = Pattern.compile("z[1-9A-HJ-NP-Za-km-z]{20,128}");
    private static final Pattern CAIP2 = Pattern.compile("[-a-z0-9]{3,8}:[-_a-zA-Z0-9]{1,32}");
    private static final Pattern TX = Pattern.compile("[0-9A-Za-z]{16,128}");
    private static final Pattern ORIGIN = Pattern.compile("[!-*,-~]{1,256}");
    private static final java.util.Set<String> LOOPBACK = java.util.Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");

    private final List<String[]> fields;
    private int at;

    private EntryText(List<String[]> fields) {
        this.fields = fields;
    }

    static MicrocredException malformed(String why) {
        return new MicrocredException(Problem.MALFORMED_INPUT, "log entry: " + why);
    }

    static String did(String value) {
        if (value == null || value.length() > 512 || !DID.matcher(value).matches()) {
            throw malformed("not a DID: " + value);
        }
        return value;
    }

    /** A DID URL with a fragment whose DID is {@code issuer}'s. */
    static String keyOf(String issuer, String value) {
        var m = value == null ? null : DID_URL.matcher(value);
        if (m == null || value.length() > 1024 || !m.matches()) {
            throw malformed("not a DID URL with a fragment: " + value);
        }
        if (!m.group(1).equals(issuer)) {
            throw malformed("key " + value + " is not a key of " + issuer);
        }
        return value;
    }

    static String https(String value) {
        try {
            URI uri = new URI(value);
            // http only to a loopback host: a development or test instance (as the audit client allows)
            boolean scheme = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme())
                    && LOOPBACK.contains(String.valueOf(uri.getHost()));
            if (value.length() > 2048 || !scheme || uri.getHost() == null
                    || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw malformed("not an https URL: " + value);
            }
        } catch (URISyntaxException | NullPointerException e) {
            throw malformed("not an https URL: " + value);
        }
        return value;
    }

    static Hash sha256(String value) {
        if (!SHA256.matcher(value).matches()) {
            throw malformed("not sha256:<64 lower-case hex digits>: " + value);
        }
        return Hash.parseHex(value.substring(7));
    }

    static String sha256(Hash hash) {
        return "sha256:" + hash.hex();
    }

    static String multikey(String value) {
        if (value == null || !MULTIKEY.matcher(value).matches()) {
            throw malformed("not a base58btc Multikey: " + value);
        }
        return value;
    }

    static String chain(String value) {
        if (value == null || !CAIP2.matcher(value).matches()) {
            throw malformed("not a CAIP-2 chain id: " + value);
        }
        return value;
    }

    static String tx(String value) {
        if (value == null || !TX.matcher(value).matches()) {
            throw malformed("not a transaction id: " + value);
        }
        return value;
    }

    static String origin(String value) {
        if (value == null || !ORIGIN.matcher(value).matches()) {
            throw malformed("not a log origin: " + value);
        }
        return value;
    }

    static Instant time(Instant time) {
        if (time == null || time.getNano() != 0 || time.getEpochSecond() < 0
                || time.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
            throw malformed("a time is a whole second between 1970 and 9999: " + time);
        }
        return time;
    }

    static Instant parseTime(String value) {
        if (!TIME.matcher(value).matches()) {
            throw malformed("a time is YYYY-MM-DDTHH:MM:SSZ: " + value);
        }
        try {
            Instant time = Instant.parse(value);
            if (!time.toString().equals(value)) {
                throw malformed("not a valid time: " + value);
            }
            return time(time);
        } catch (DateTimeParseException e) {
            throw malformed("not a valid time: " + value);
        }
    }

    static long number(String value, String what) {
        try {
            return Checkpoint.parseSize(value, what);
        } catch (MicrocredException e) {
            throw malformed(what + " is not a decimal: " + value);
        }
    }

    /** Splits an encoded entry into the type and a cursor over its field lines. */
    static EntryText read(String text, StringBuilder type) {
        if (text.length() > LogEntry.MAX_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE, "a log entry is at most " + LogEntry.MAX_BYTES + " bytes");
        }
        if (!text.endsWith("\n") || text.chars().anyMatch(c -> (c < ' ' || c > '~') && c != '\n')) {
            throw malformed("printable ASCII lines, each ending in a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (!lines[0].equals(LogEntry.HEADER)) {
            throw malformed("the first line is " + LogEntry.HEADER);
        }
        List<String[]> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int space = lines[i].indexOf(' ');
            if (space <= 0 || space == lines[i].length() - 1 || lines[i].indexOf(' ', space + 1) >= 0) {
                throw malformed("a line is <field> <value>: " + lines[i]);
            }
            fields.add(new String[] {lines[i].substring(0, space), lines[i].substring(space + 1)});
        }
        EntryText cursor = new EntryText(fields);
        type.append(cursor.next("type"));
        return cursor;
    }

    String next(String name) {
        if (at >= fields.size() || !fields.get(at)[0].equals(name)) {
            throw malformed("expected the field " + name + (at < fields.size() ? ", found " + fields.get(at)[0] : ""));
        }
        return fields.get(at++)[1];
    }

    void end() {
        if (at != fields.size()) {
            throw malformed("unexpected field " + fields.get(at)[0]);
        }
    }

    /** Builds an encoded entry from alternating field names and values. */
    static String format(String type, String... namesAndValues) {
        StringBuilder out = new StringBuilder(LogEntry.HEADER).append("\ntype ").append(type).append('\n');
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.append(namesAndValues[i]).append(' ').append(namesAndValues[i + 1]).append('\n');
        }
        return out.toString();
    }
}
