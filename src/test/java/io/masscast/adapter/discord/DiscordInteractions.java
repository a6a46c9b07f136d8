package io.masscast.adapter.discord;

import java.util.Map;
import net.dv8tion.jda.api.entities.Member;

/**
 * What people do in Discord, as mocked JDA events handed to a running adapter's listener; each returns the
 * interaction's id, under which {@link DiscordEvents} records masscast's answers.
 */
interface DiscordInteractions {
    DiscordEvents events();

    DiscordListener listener();

    /** {@code /masscast sub} by {@code member}. */
    default String slash(Member member, String sub, Map<String, Object> options) {
        return events().sendSlash(listener(), member, sub, options);
    }

    default String click(Member member, String componentId) {
        return events().sendClick(listener(), member, componentId);
    }

    default String submit(Member member, String modalId, Map<String, Object> values) {
        return events().sendSubmit(listener(), member, modalId, values);
    }
}
