package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;

/** One approver's agreement to one version (fingerprint) of a campaign. */
public record Approval(long campaignId, String approverId, String approverName, String fingerprint, Instant at) {
    public Approval {
        ChannelRef.requireText(approverId, "approverId");
        ChannelRef.requireText(fingerprint, "fingerprint");
        Objects.requireNonNull(at, "at");
        approverName = approverName == null || approverName.isBlank() ? approverId : approverName;
    }
}
