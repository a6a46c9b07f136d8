package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification the channel must see, written in the same transaction as the change it reports and
 * delivered later by the outbox dispatcher. A {@link Kind#CARD} entry re-renders the campaign's card
 * from its current state (posting it the first time, updating it afterwards), so delivering it twice
 * is harmless; a {@link Kind#THREAD_NOTE} posts {@code text} in the card's thread.
 */
public record OutboxEntry(
        long id,
        long campaignId,
        ChannelRef channel,
        Kind kind,
        String text,
        int attempts,
        Instant dueAt) {

    public enum Kind { CARD, THREAD_NOTE }

    public OutboxEntry {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
        Objects.requireNonNull(dueAt, "dueAt");
    }

    public static OutboxEntry card(Campaign campaign, Instant now) {
        return new OutboxEntry(0, campaign.id(), campaign.channel(), Kind.CARD, "", 0, now);
    }

    public static OutboxEntry threadNote(Campaign campaign, String text, Instant now) {
        return new OutboxEntry(0, campaign.id(), campaign.channel(), Kind.THREAD_NOTE, text, 0, now);
    }
}
