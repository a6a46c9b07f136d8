package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a campaign's history: who did what when, the state before and after, the content
 * fingerprint at that moment and the OFAuth message id if one was known. {@code from} is empty for
 * the composition that created the campaign.
 */
public record AuditEvent(
        long campaignId,
        Instant at,
        String actorId,
        String action,
        Optional<CampaignState> from,
        CampaignState to,
        String fingerprint,
        Optional<Long> ofauthMessageId,
        String detail) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        ChannelRef.requireText(actorId, "actorId");
        ChannelRef.requireText(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(ofauthMessageId, "ofauthMessageId");
        detail = detail == null ? "" : detail;
    }
}
