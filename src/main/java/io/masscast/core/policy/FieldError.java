package io.masscast.core.policy;

/**
 * A problem with one form field, worded for the person who filled it in: what is wrong and what to do.
 * {@code field} is the form key ({@link Fields}) so adapters can show it next to the right input. A key someone
 * made up (an unknown field) is kept only as a short excerpt, so that it is never echoed whole.
 */
public record FieldError(String field, String message) {
    public FieldError {
        if (field == null || field.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("field and message are required");
        }
        field = Excerpt.name(field);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
