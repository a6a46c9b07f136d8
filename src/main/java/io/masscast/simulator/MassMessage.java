package io.masscast.simulator;

import java.time.Instant;

/**
 * A mass message as OnlyFans holds it. Its state at any instant follows from these times
 * ({@link MessageTimeline}); the record itself only changes on replace (PUT) and cancel (DELETE).
 *
 * @param audience   fans it goes to, resolved when created or replaced (fans and lists never change)
 * @param sendAt     the scheduled date, or the creation time for an immediate send
 * @param canceledAt when DELETE succeeded, or null
 * @param seeded     part of the generated history rather than created through the API
 */
record MassMessage(
        long id,
        MessageContent content,
        FanSet audience,
        Instant createdAt,
        Instant changedAt,
        Instant sendAt,
        Instant canceledAt,
        boolean seeded) {

    static MassMessage created(long id, MessageContent content, FanSet audience, Instant now) {
        return new MassMessage(id, content, audience, now, now, sendAtOf(content, now), null, false);
    }

    boolean scheduled() {
        return content.scheduledDate() != null;
    }

    MassMessage replacedBy(MessageContent newContent, FanSet newAudience, Instant now) {
        return new MassMessage(id, newContent, newAudience, createdAt, now, sendAtOf(newContent, now), null, seeded);
    }

    MassMessage canceled(Instant now) {
        return new MassMessage(id, content, audience, createdAt, now, sendAt, now, seeded);
    }

    private static Instant sendAtOf(MessageContent content, Instant now) {
        return content.scheduledDate() == null ? now : content.scheduledDate();
    }
}
