package io.masscast.core.campaign;

/**
 * A reference to a chat user inside a message text. Slack and Discord both render {@code <@id>} as the
 * user's name; the shell prints it as {@code @id}.
 */
public final class Mention {
    private Mention() {
    }

    public static String of(String userId) {
        return "<@" + userId + ">";
    }
}
