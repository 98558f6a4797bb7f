package dev.microcred.server.bulk;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.core.TimeOrderedIds;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.store.Accounts;
import dev.microcred.store.BulkError;
import dev.microcred.store.BulkRow;
import dev.microcred.store.StoredAchievement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates a bulk upload without issuing anything. The header names the columns, in any order and case:
 * {@code email} and/or {@code did} (one of them per row), {@code achievementId} (or {@code achievement}; optional
 * when the upload names a default achievement), {@code validFrom} and {@code validUntil} (optional, RFC 3339
 * date-times or {@code YYYY-MM-DD} dates in UTC), {@code idempotencyKey} (or {@code key}; optional).
 *
 * <p>A header that cannot be used fails the whole upload ({@code INVALID_REQUEST}). Each data row is checked on
 * its own and every problem is reported with its row number (from 1; the header is row 0), line and column: CSV
 * syntax, too many or too few columns, no recipient or two, a bad email or DID, an unknown or archived achievement,
 * bad or inverted dates, and a row that repeats an earlier row (same idempotency key). Messages never quote the
 * value. A row's idempotency key is {@code k:} + the explicit key, or {@code h:} + the hex SHA-256 of achievement,
 * recipient and validity, so the same row uploaded again maps to the same key. Stateless.
 */
final class BulkPreview {
    static final String EMAIL = "email";
    static final String DID = "did";
    static final String ACHIEVEMENT = "achievementId";
    static final String VALID_FROM = "validFrom";
    static final String VALID_UNTIL = "validUntil";
    static final String KEY = "idempotencyKey";
    static final int MAX_KEY_LENGTH = 150;
    private static final Map<String, String> HEADER_NAMES = Map.of(
            "email", EMAIL, "did", DID, "achievementid", ACHIEVEMENT, "achievement", ACHIEVEMENT,
            "validfrom", VALID_FROM, "validuntil", VALID_UNTIL, "idempotencykey", KEY, "key", KEY);

    /** What the preview found: the valid rows (to store, pending) and the errors. */
    record Result(int totalRows, List<BulkRow> rows, List<BulkError> errors, int invalidRows) {
    }

    private BulkPreview() {
    }

    /**
     * Validates {@code csv} for a job of {@code issuerId}.
     *
     * @param defaultAchievement the achievement of rows that name none, or null
     * @param achievements the issuer's achievements by id
     * @param maxRows the most data rows accepted
     * @throws MicrocredException {@code INVALID_REQUEST} for an unusable header, {@code MALFORMED_INPUT} for text that
     *     is not UTF-8, {@code TOO_LARGE} above {@code maxRows}
     */
    static Result validate(String jobId, String issuerId, byte[] csv, StoredAchievement defaultAchievement,
                           Map<String, StoredAchievement> achievements, int maxRows, Instant now) {
        CsvReader reader = CsvReader.of(csv);
        CsvReader.CsvRecord header = reader.next();
        if (header == null) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the file is empty: the first line must name the"
                    + " columns (email or did, and optionally achievementId, validFrom, validUntil, idempotencyKey)");
        }
        if (header.syntaxError() != null) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the header line is not valid CSV: "
                    + header.syntaxError());
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String raw = header.fields().get(i).strip();
            String name = HEADER_NAMES.get(raw.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")
                    .replace(" ", ""));
            if (name == null) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "column " + (i + 1) + " of the header is not"
                        + " known: expected email, did, achievementId, validFrom, validUntil or idempotencyKey");
            }
            if (columns.put(name, i) != null) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "the header names " + name + " twice");
            }
        }
        if (!columns.containsKey(EMAIL) && !columns.containsKey(DID)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the header needs an email or a did column");
        }
        if (!columns.containsKey(ACHIEVEMENT) && defaultAchievement == null) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "name a default achievement (achievementId) or add"
                    + " an achievementId column");
        }
        List<BulkRow> rows = new ArrayList<>();
        List<BulkError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int rowNumber = 0;
        int invalid = 0;
        for (CsvReader.CsvRecord record = reader.next(); record != null; record = reader.next()) {
            rowNumber++;
            if (rowNumber > maxRows) {
                throw new MicrocredException(Problem.TOO_LARGE, "the file has more than " + maxRows + " rows: split it");
            }
            List<BulkError> found = new ArrayList<>();
            BulkRow row = row(jobId, issuerId, rowNumber, record, columns, header.fields().size(), defaultAchievement,
                    achievements, now, found);
            if (row != null) {
                Integer earlier = seen.putIfAbsent(row.idempotencyKey(), rowNumber);
                if (earlier != null) {
                    boolean explicit = row.idempotencyKey().startsWith("k:");
                    found.add(new BulkError(rowNumber, record.lineNumber(), explicit ? KEY : null,
                            "duplicate of row " + earlier + " (same " + (explicit ? "idempotency key"
                                    : "achievement, recipient and validity") + ")"));
                }
            }
            if (found.isEmpty()) {
                rows.add(row);
            } else {
                invalid++;
                errors.addAll(found);
            }
        }
        return new Result(rowNumber, rows, errors, invalid);
    }

    private static BulkRow row(String jobId, String issuerId, int n, CsvReader.CsvRecord record,
                               Map<String, Integer> columns, int width, StoredAchievement defaultAchievement,
                               Map<String, StoredAchievement> achievements, Instant now, List<BulkError> errors) {
        int line = record.lineNumber();
        if (record.syntaxError() != null) {
            errors.add(new BulkError(n, line, null, "CSV syntax: " + record.syntaxError()));
            return null;
        }
        if (record.fields().size() > width) {
            errors.add(new BulkError(n, line, null, "too many columns: " + record.fields().size() + ", the header has "
                    + width));
            return null;
        }
        if (record.fields().size() < width) {
            errors.add(new BulkError(n, line, null, "too few columns: " + record.fields().size() + ", the header has "
                    + width));
            return null;
        }
        String email = value(record, columns, EMAIL);
        String did = value(record, columns, DID);
        String kind = null;
        String recipient = null;
        if (email != null && did != null) {
            errors.add(new BulkError(n, line, EMAIL, "give an email or a did, not both"));
        } else if (email == null && did == null) {
            errors.add(new BulkError(n, line, columns.containsKey(EMAIL) ? EMAIL : DID,
                    "a recipient is required (email or did)"));
        } else if (email != null) {
            if (email.length() > 320 || !isEmail(email)) {
                errors.add(new BulkError(n, line, EMAIL, "not an email address"));
            } else {
                kind = EMAIL;
                recipient = Accounts.normalise(email);
            }
        } else if (!did.matches("did:[a-z0-9]+:\\S{1,300}")) {
            errors.add(new BulkError(n, line, DID, "not a DID (did:method:identifier)"));
        } else {
            kind = DID;
            recipient = did;
        }
        String achievementId = value(record, columns, ACHIEVEMENT);
        StoredAchievement achievement = achievementId == null ? defaultAchievement : achievements.get(achievementId);
        if (achievement == null) {
            errors.add(new BulkError(n, line, ACHIEVEMENT, "unknown achievement of this issuer"));
        } else if (achievement.archivedAt() != null) {
            errors.add(new BulkError(n, line, ACHIEVEMENT, "the achievement is archived: it is no longer issued"));
            achievement = null;
        }
        Instant from = date(record, columns, VALID_FROM, n, errors);
        Instant until = date(record, columns, VALID_UNTIL, n, errors);
        if (until != null && !until.isAfter(from != null ? from : now)) {
            errors.add(new BulkError(n, line, VALID_UNTIL, from != null ? "validUntil must be after validFrom"
                    : "validUntil is not in the future"));
        }
        String key = value(record, columns, KEY);
        if (key != null && (key.length() > MAX_KEY_LENGTH || !key.matches("\\p{Graph}[\\p{Graph} ]*"))) {
            errors.add(new BulkError(n, line, KEY, "an idempotency key is 1-" + MAX_KEY_LENGTH
                    + " printable ASCII characters"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        String idempotencyKey = key != null ? "k:" + key : "h:" + Sha256.hex((achievement.id() + "\n" + kind + ":"
                + recipient + "\n" + from + "\n" + until).getBytes(StandardCharsets.UTF_8));
        return new BulkRow(TimeOrderedIds.next().toString(), jobId, issuerId, n, line, idempotencyKey, achievement.id(),
                kind, recipient, from, until, BulkRow.PENDING, null, null);
    }

    private static boolean isEmail(String email) {
        try {
            new Issuance.Recipient(email, null);
            return true;
        } catch (MicrocredException e) {
            return false;
        }
    }

    private static String value(CsvReader.CsvRecord record, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null) {
            return null;
        }
        String v = record.fields().get(i).strip();
        return v.isEmpty() ? null : v;
    }

    private static Instant date(CsvReader.CsvRecord record, Map<String, Integer> columns, String name, int n,
                                List<BulkError> errors) {
        String v = value(record, columns, name);
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new BulkError(n, record.lineNumber(), name,
                    "not a date (YYYY-MM-DD, or an RFC 3339 date-time with offset)"));
            return null;
        }
    }
}
