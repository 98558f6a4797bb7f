package dev.microcred.server.bulk;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads CSV text as RFC 4180 defines it: records separated by line breaks (CRLF, and LF or CR alone, as
 * spreadsheets write them), fields separated by commas, a field in double quotes may hold commas, line breaks and
 * doubled quotes ({@code ""}). The text is UTF-8; a leading byte order mark is dropped. Blank lines are skipped.
 *
 * <p>A record that breaks the grammar (a quote inside an unquoted field, text after a closing quote) comes back with
 * a syntax error and reading resumes on the next line; an unclosed quote ends the file. Not thread-safe: one reader
 * per upload.
 */
final class CsvReader {
    /** One record: where it starts, its fields, and what broke the grammar in it (null when nothing did). */
    record CsvRecord(int lineNumber, List<String> fields, String syntaxError) {
        CsvRecord {
            fields = List.copyOf(fields);
        }
    }

    private final String text;
    private int pos;
    private int line = 1;

    private CsvReader(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * A reader over UTF-8 bytes.
     *
     * @throws MicrocredException {@code MALFORMED_INPUT} when the bytes are not UTF-8
     */
    static CsvReader of(byte[] utf8) {
        int start = utf8.length >= 3 && (utf8[0] & 0xff) == 0xEF && (utf8[1] & 0xff) == 0xBB
                && (utf8[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8, start, utf8.length - start)).toString();
            return new CsvReader(text);
        } catch (CharacterCodingException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "the file is not UTF-8 text");
        }
    }

    static CsvReader of(String text) {
        return new CsvReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** The next record, or null at the end of the text. */
    CsvRecord next() {
        while (pos < text.length() && isLineBreak(text.charAt(pos))) {
            skipLineBreak();
        }
        if (pos >= text.length()) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (pos < text.length() && text.charAt(pos) == '"') {
                pos++;
                boolean closed = false;
                while (pos < text.length()) {
                    char ch = text.charAt(pos);
                    if (ch == '"') {
                        if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                            field.append('"');
                            pos += 2;
                            continue;
                        }
                        pos++;
                        closed = true;
                        break;
                    }
                    if (ch == '\n' || (ch == '\r' && (pos + 1 >= text.length() || text.charAt(pos + 1) != '\n'))) {
                        line++;
                    }
                    field.append(ch);
                    pos++;
                }
                if (!closed) {
                    fields.add(field.toString());
                    return new CsvRecord(startLine, fields, "a quoted field is not closed before the end of the file");
                }
                if (pos < text.length() && text.charAt(pos) != ',' && !isLineBreak(text.charAt(pos))) {
                    return recover(startLine, fields, "text after the closing quote of a field");
                }
            } else {
                while (pos < text.length() && text.charAt(pos) != ',' && !isLineBreak(text.charAt(pos))) {
                    char ch = text.charAt(pos);
                    if (ch == '"') {
                        return recover(startLine, fields, "a quote inside a field that does not start with one");
                    }
                    field.append(ch);
                    pos++;
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            if (pos < text.length()) {
                skipLineBreak();
            }
            return new CsvRecord(startLine, fields, null);
        }
    }

    /** Skips to the next line break (after a syntax error) and reports the record. */
    private CsvRecord recover(int startLine, List<String> fields, String error) {
        while (pos < text.length() && !isLineBreak(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length()) {
            skipLineBreak();
        }
        return new CsvRecord(startLine, fields, error);
    }

    private static boolean isLineBreak(char ch) {
        return ch == '\n' || ch == '\r';
    }

    private void skipLineBreak() {
        if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos += 2;
        } else {
            pos++;
        }
        line++;
    }
}
