package io.masscast.archfixture.adapter.discord;

import io.masscast.archfixture.adapter.common.SharedAck;

/** Uses the shared adapter package, which is allowed. */
public final class DiscordThing {
    public String name() {
        return "discord " + new SharedAck().ack();
    }
}
