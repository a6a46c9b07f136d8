package io.masscast.archfixture.adapter.common;

import io.masscast.archfixture.adapter.discord.DiscordThing;

/** Breaks the rule on purpose: the shared adapter package must not use any adapter. */
public final class CommonThatUsesDiscord {
    public String name() {
        return new DiscordThing().name();
    }
}
