package io.masscast.adapter.slack;

/** A request Slack signed (or Socket Mode delivered) that lacks what masscast needs; answered with 400. */
final class MalformedPayload extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedPayload(String what) {
        super(what);
    }

    /** {@code value}, or a {@link MalformedPayload} naming {@code what} is missing. */
    static <T> T require(T value, String what) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new MalformedPayload("missing " + what);
        }
        return value;
    }
}
