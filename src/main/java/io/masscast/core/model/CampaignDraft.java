package io.masscast.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a requester asks for, before the send policy has checked it: content, audience and an
 * optional send time, a wall-clock time in the binding's zone or an exact instant (empty = send on approval).
 */
public record CampaignDraft(MessageContent content, Audience audience, Optional<SendTime> sendAt) {
    public CampaignDraft {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(sendAt, "sendAt");
    }
}
