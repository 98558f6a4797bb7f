package dev.microcred.credentials.schema;

import java.util.Objects;

/**
 * One way a credential does not conform.
 *
 * @param path a JSON path into the credential, such as {@code $.credentialSubject.type} ({@code $} is the root)
 * @param message what is wrong, in one line
 * @param schema the {@code $id} of the schema (or rule set) that was checked
 */
public record SchemaViolation(String path, String message, String schema) {
    public SchemaViolation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(schema, "schema");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
