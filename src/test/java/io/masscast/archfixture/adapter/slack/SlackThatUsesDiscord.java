package io.masscast.archfixture.adapter.slack;

import io.masscast.archfixture.adapter.common.SharedAck;
import io.masscast.archfixture.adapter.discord.DiscordThing;

/** Uses the shared package (allowed) and breaks the rule on purpose: one adapter must not use another. */
public final class SlackThatUsesDiscord {
    public String name() {
        return new SharedAck().ack() + new DiscordThing().name();
    }
}
