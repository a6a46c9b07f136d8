package io.masscast.core.campaign;

import io.masscast.core.model.Actor;
import io.masscast.core.text.Markup;

/**
 * A reference to a chat user, or to a group of users, inside a message text, in the core's neutral
 * {@link Markup}: each adapter renders it as its platform's mention (Slack {@code <@U1>}, Discord
 * {@code <@1>}, {@code @alice} in the terminal).
 */
public final class Mention {
    private Mention() {}

    /** A user id, or a group as an approver set names it ({@link Actor#groupRef}). */
    public static String of(String userId) {
        return Actor.isGroupRef(userId) ? Markup.group(userId.substring(1)) : Markup.person(userId);
    }
}
