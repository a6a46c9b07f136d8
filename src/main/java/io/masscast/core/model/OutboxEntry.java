package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification the channel must see, written in the same transaction as the change it reports and
 * delivered later by the outbox dispatcher. A {@link Kind#CARD} entry re-renders the campaign's card
 * from its current state (posting it the first time, updating it afterwards), so delivering it twice
 * is harmless; a {@link Kind#THREAD_NOTE} posts {@code text} in the card's thread; a
 * {@link Kind#CHANNEL_MESSAGE} belongs to no campaign (connection alerts) and posts {@code text}
 * in the channel itself; a {@link Kind#CHANNEL_IMAGE} belongs to no campaign either and posts an image (a
 * digest's chart, stored with the entry) with {@code text} as its caption.
 *
 * <p>{@code attemptStartedAt} is the idempotency mark of the kinds that post something new: it is stored
 * before the platform is called, so a later attempt can tell that an earlier one may already have posted.
 */
public record OutboxEntry(
        long id,
        Optional<Long> campaignId,
        ChannelRef channel,
        Kind kind,
        String text,
        int attempts,
        Instant dueAt,
        Optional<Instant> attemptStartedAt) {

    public enum Kind {
        CARD(true),
        THREAD_NOTE(true),
        CHANNEL_MESSAGE(false),
        CHANNEL_IMAGE(false);

        private final boolean campaignEntry;

        Kind(boolean campaignEntry) {
            this.campaignEntry = campaignEntry;
        }

        /** Whether delivering it twice shows the same thing (a card update), rather than a second post. */
        public boolean idempotent() {
            return this == CARD;
        }

        public boolean belongsToCampaign() {
            return campaignEntry;
        }
    }

    public OutboxEntry {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        if (kind.belongsToCampaign() != campaignId.isPresent()) {
            throw new IllegalArgumentException(
                    kind + (campaignId.isPresent() ? " belongs to no campaign" : " needs a campaign"));
        }
        text = text == null ? "" : text;
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(attemptStartedAt, "attemptStartedAt");
    }

    public static OutboxEntry card(Campaign campaign, Instant now) {
        return new OutboxEntry(
                0, Optional.of(campaign.id()), campaign.channel(), Kind.CARD, "", 0, now, Optional.empty());
    }

    public static OutboxEntry threadNote(Campaign campaign, String text, Instant now) {
        return new OutboxEntry(
                0, Optional.of(campaign.id()), campaign.channel(), Kind.THREAD_NOTE, text, 0, now, Optional.empty());
    }

    public static OutboxEntry channelMessage(ChannelRef channel, String text, Instant now) {
        return new OutboxEntry(0, Optional.empty(), channel, Kind.CHANNEL_MESSAGE, text, 0, now, Optional.empty());
    }

    /** An image with its caption; the outbox stores the image beside the entry ({@code OutboxStore#enqueue}). */
    public static OutboxEntry channelImage(ChannelRef channel, String caption, Instant now) {
        return new OutboxEntry(0, Optional.empty(), channel, Kind.CHANNEL_IMAGE, caption, 0, now, Optional.empty());
    }

    /**
     * What this entry's order is kept within: a campaign's entries go out in the order they were written,
     * and so do a channel's campaign-less entries.
     */
    public String orderKey() {
        return campaignId.map(id -> "campaign:" + id).orElseGet(() -> "channel:" + channel);
    }
}
