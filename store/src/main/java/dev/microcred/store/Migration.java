package dev.microcred.store;

import dev.microcred.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One numbered migration: {@code V003__credentials.sql} is version 3, "credentials". Its checksum is the hex
 * SHA-256 of the script with line endings normalised to LF; an applied migration whose script changed is refused.
 *
 * @param version the number in the file name, from 1
 * @param description the rest of the name, underscores read as spaces
 * @param script the SQL text
 */
public record Migration(int version, String description, String script) {
    private static final Pattern NAME = Pattern.compile("V(\\d{3,})__([A-Za-z0-9_]+)\\.sql");

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1: " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
    }

    /** The migration in the file {@code fileName} with the text {@code script}. */
    public static Migration of(String fileName, String script) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a migration file name (V001__name.sql): " + fileName);
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), script);
    }

    public String checksum() {
        return Sha256.hex(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The statements of the script: split after each line that ends with {@code ;}, comment lines ({@code --})
     * dropped. Migrations therefore put no {@code ;} at the end of a line inside a string or a function body.
     */
    public List<String> statements() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.replace("\r\n", "\n").split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return List.copyOf(out);
    }
}
