package io.masscast.ofauth;

import java.util.Map;

/**
 * An OFAuth error body in any of its documented forms: {@code {error,type,requestId,actionRequired}},
 * {@code {message,code,details}}, {@code {error,code,details}}. Every field is optional; {@code error}
 * is usually a string but is read as anything.
 */
public record ErrorJson(
        Object error,
        String message,
        String type,
        String code,
        String requestId,
        String actionRequired,
        Object details) {

    /** OFAuth's machine code ({@code type} in one form, {@code code} in the other). */
    String machineCode() {
        return type != null ? type : code;
    }

    /** OFAuth's human text. */
    String humanText() {
        if (message != null) {
            return message;
        }
        if (error instanceof String text) {
            return text;
        }
        if (error instanceof Map<?, ?> nested && nested.get("message") instanceof String text) {
            return text;
        }
        return null;
    }
}
