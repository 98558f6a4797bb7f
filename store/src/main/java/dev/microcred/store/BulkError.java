package dev.microcred.store;

import java.util.Objects;

/**
 * What is wrong with one row of a bulk upload; such a row is not issued.
 *
 * @param rowNumber the data row, from 1; 0 for the header
 * @param lineNumber the line of the file where the row starts, from 1
 * @param column the column at fault ({@code email}, {@code achievement}, ...), or null for the whole row
 * @param message what is wrong, in plain language, without quoting the value (it may be personal data)
 */
public record BulkError(int rowNumber, int lineNumber, String column, String message) {
    public BulkError {
        Objects.requireNonNull(message, "message");
    }
}
