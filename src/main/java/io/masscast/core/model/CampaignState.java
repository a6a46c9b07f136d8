package io.masscast.core.model;

import java.util.Locale;

/** The lifecycle of a campaign (DESIGN.md section 3). */
public enum CampaignState {
    PENDING_APPROVAL,
    REJECTED,
    EXPIRED,
    APPROVED,
    SUBMITTING,
    IN_DOUBT,
    FAILED,
    SCHEDULED,
    SENDING,
    SENT,
    CANCELLED,
    UNSENT;

    /** No further transition is possible. */
    public boolean isFinal() {
        return switch (this) {
            case REJECTED, EXPIRED, FAILED, CANCELLED, UNSENT -> true;
            default -> false;
        };
    }

    /** The campaign has been handed to OFAuth, or is about to be: it counts against send caps and gaps. */
    public boolean isCommitted() {
        return switch (this) {
            case APPROVED, SUBMITTING, IN_DOUBT, SCHEDULED, SENDING, SENT -> true;
            default -> false;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
