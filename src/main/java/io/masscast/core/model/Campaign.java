package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A mass message for one creator, from composition to its outcome.
 *
 * <p>{@code id} is the database key; {@code number} is the short human number per workspace
 * ({@code MC-12}). {@code version} increases with every stored change and guards conditional updates.
 * {@code requestStartedAt} is set just before a request that creates or replaces the message at
 * OFAuth leaves; while it is empty a submission provably never reached OFAuth.
 */
public record Campaign(
        long id,
        int number,
        ChannelRef channel,
        String connectionId,
        String requesterId,
        String requesterName,
        MessageContent content,
        Audience audience,
        Optional<Instant> scheduledAt,
        CampaignState state,
        String fingerprint,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Optional<Long> ofauthMessageId,
        Optional<Instant> requestStartedAt,
        Optional<Instant> sentAt,
        Optional<Instant> unsendableUntil,
        Optional<String> note) {

    public static final String ID_PREFIX = "MC-";

    public Campaign {
        Objects.requireNonNull(channel, "channel");
        ChannelRef.requireText(connectionId, "connectionId");
        ChannelRef.requireText(requesterId, "requesterId");
        requesterName = requesterName == null || requesterName.isBlank() ? requesterId : requesterName;
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(ofauthMessageId, "ofauthMessageId");
        Objects.requireNonNull(requestStartedAt, "requestStartedAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(unsendableUntil, "unsendableUntil");
        Objects.requireNonNull(note, "note");
    }

    /** The id people type and see: {@code MC-12}. */
    public String humanId() {
        return ID_PREFIX + number;
    }

    /**
     * When the message goes (or went) out: the scheduled instant, else when OFAuth accepted it, else when
     * the request left, else the last change (an approved immediate send goes out about then).
     */
    public Instant sendTime() {
        return scheduledAt.or(() -> sentAt).or(() -> requestStartedAt).orElse(updatedAt);
    }

    public boolean isRequestedBy(Actor actor) {
        return requesterId.equals(actor.userId());
    }

    /** Starts a change; {@link Changes#apply} yields the new record (same id and version). */
    public Changes change() {
        return new Changes(this);
    }

    /** A small builder for the fields that transitions change, so call sites name what they touch. */
    public static final class Changes {
        private final Campaign base;
        private MessageContent content;
        private Audience audience;
        private Optional<Instant> scheduledAt;
        private CampaignState state;
        private String fingerprint;
        private Instant updatedAt;
        private Optional<Long> ofauthMessageId;
        private Optional<Instant> requestStartedAt;
        private Optional<Instant> sentAt;
        private Optional<Instant> unsendableUntil;
        private Optional<String> note;

        private Changes(Campaign base) {
            this.base = base;
            content = base.content;
            audience = base.audience;
            scheduledAt = base.scheduledAt;
            state = base.state;
            fingerprint = base.fingerprint;
            updatedAt = base.updatedAt;
            ofauthMessageId = base.ofauthMessageId;
            requestStartedAt = base.requestStartedAt;
            sentAt = base.sentAt;
            unsendableUntil = base.unsendableUntil;
            note = base.note;
        }

        public Changes content(
                MessageContent value, Audience newAudience, Optional<Instant> newSchedule, String newFingerprint) {
            content = value;
            audience = newAudience;
            scheduledAt = newSchedule;
            fingerprint = newFingerprint;
            return this;
        }

        public Changes state(CampaignState value) {
            state = value;
            return this;
        }

        public Changes ofauthMessageId(Optional<Long> value) {
            ofauthMessageId = value;
            return this;
        }

        public Changes requestStartedAt(Optional<Instant> value) {
            requestStartedAt = value;
            return this;
        }

        public Changes sentAt(Optional<Instant> value) {
            sentAt = value;
            return this;
        }

        public Changes unsendableUntil(Optional<Instant> value) {
            unsendableUntil = value;
            return this;
        }

        public Changes note(Optional<String> value) {
            note = value;
            return this;
        }

        public Campaign apply(Instant now) {
            updatedAt = now;
            return new Campaign(
                    base.id,
                    base.number,
                    base.channel,
                    base.connectionId,
                    base.requesterId,
                    base.requesterName,
                    content,
                    audience,
                    scheduledAt,
                    state,
                    fingerprint,
                    base.version,
                    base.createdAt,
                    updatedAt,
                    ofauthMessageId,
                    requestStartedAt,
                    sentAt,
                    unsendableUntil,
                    note);
        }
    }
}
