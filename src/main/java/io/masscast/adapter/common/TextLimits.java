package io.masscast.adapter.common;

/** Cutting text to what a chat platform takes, which every platform limits field by field. */
public final class TextLimits {
    private TextLimits() {}

    /** {@code text} cut to {@code max} characters, ending in an ellipsis when cut; an emoji is never split in half. */
    public static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
