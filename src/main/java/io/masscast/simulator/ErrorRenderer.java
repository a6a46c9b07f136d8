package io.masscast.simulator;

import java.security.SecureRandom;
import java.util.Map;

/** Error bodies in the configured style, each with a fresh {@code requestId}. */
final class ErrorRenderer {
    private static final char[] ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final ErrorBodyStyle style;
    private final SecureRandom random = new SecureRandom();

    ErrorRenderer(ErrorBodyStyle style) {
        this.style = style;
    }

    ApiResponse render(ApiError error) {
        Map<String, Object> body = Json.object(
                "error", error.getMessage(),
                "type", error.type(),
                "requestId", requestId());
        if (error.actionRequired() != null) {
            body.put("actionRequired", error.actionRequired());
        }
        if (style == ErrorBodyStyle.OFAUTH_WITH_SDK_FIELDS) {
            body.put("message", error.getMessage());
            body.put("code", error.type());
        }
        return ApiResponse.json(error.status(), body);
    }

    private String requestId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return "req_" + new String(id);
    }
}
