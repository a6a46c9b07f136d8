package io.masscast.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel's rules: how many distinct approvers a campaign needs, whether requesters may approve
 * their own campaigns, and optional limits on sending (daily cap, minimum gap, quiet hours).
 */
public record BindingPolicy(
        int requiredApprovals,
        boolean selfApprovalAllowed,
        Optional<Integer> dailyCap,
        Duration minGap,
        Optional<QuietHours> quietHours) {

    public static final int MAX_REQUIRED_APPROVALS = 3;

    public BindingPolicy {
        if (requiredApprovals < 1 || requiredApprovals > MAX_REQUIRED_APPROVALS) {
            throw new IllegalArgumentException("required approvals must be 1 to " + MAX_REQUIRED_APPROVALS);
        }
        Objects.requireNonNull(dailyCap, "dailyCap");
        dailyCap.filter(cap -> cap < 1).ifPresent(cap -> {
            throw new IllegalArgumentException("daily cap must be at least 1");
        });
        minGap = minGap == null ? Duration.ZERO : minGap;
        if (minGap.isNegative()) {
            throw new IllegalArgumentException("minimum gap must not be negative");
        }
        Objects.requireNonNull(quietHours, "quietHours");
    }

    /** One approver, no self-approval, no sending limits. */
    public static BindingPolicy defaults() {
        return new BindingPolicy(1, false, Optional.empty(), Duration.ZERO, Optional.empty());
    }
}
