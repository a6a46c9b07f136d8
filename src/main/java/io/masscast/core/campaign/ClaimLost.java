package io.masscast.core.campaign;

/**
 * This process no longer holds the claim on a campaign it was submitting (its lease lapsed and another
 * process took over, or the campaign moved on). The request it was about to send must not go out.
 */
public final class ClaimLost extends RuntimeException {
    public ClaimLost(String message) {
        super(message);
    }
}
