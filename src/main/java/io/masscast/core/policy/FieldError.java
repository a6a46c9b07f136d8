package io.masscast.core.policy;

/**
 * A problem with one form field, worded for the person who filled it in: what is wrong and what to do.
 * {@code field} is the form key ({@link Fields}) so adapters can show it next to the right input.
 */
public record FieldError(String field, String message) {
    public FieldError {
        if (field == null || field.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("field and message are required");
        }
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
