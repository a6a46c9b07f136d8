package io.masscast.core.model;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel's rules: how many distinct approvers a campaign needs, whether requesters may approve
 * their own campaigns, optional limits on sending (daily cap, minimum gap, quiet hours), when the
 * daily digest is posted (local time in the binding's zone; empty: no daily digest), how far around a send the
 * repeat guard looks for the same message to an overlapping audience (empty: the guard is off), and when approvers
 * are reminded of a campaign still waiting for them (that long after it was composed or edited, and that long before
 * its send time; empty: never).
 */
public record BindingPolicy(
        int requiredApprovals,
        boolean selfApprovalAllowed,
        Optional<Integer> dailyCap,
        Duration minGap,
        Optional<QuietHours> quietHours,
        Optional<LocalTime> digestAt,
        Optional<Duration> repeatWindow,
        Optional<Duration> remindAfter) {

    public static final int MAX_REQUIRED_APPROVALS = 3;
    public static final LocalTime DEFAULT_DIGEST_AT = LocalTime.of(9, 0);
    public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofDays(7);
    public static final Duration DEFAULT_REMIND_AFTER = Duration.ofMinutes(30);

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
        digestAt = Objects.requireNonNull(digestAt, "digestAt").map(at -> at.truncatedTo(ChronoUnit.MINUTES));
        Objects.requireNonNull(repeatWindow, "repeatWindow")
                .filter(window -> window.isNegative() || window.isZero())
                .ifPresent(window -> {
                    throw new IllegalArgumentException("a repeat window is positive (off: empty)");
                });
        Objects.requireNonNull(remindAfter, "remindAfter")
                .filter(after -> after.isNegative() || after.isZero())
                .ifPresent(after -> {
                    throw new IllegalArgumentException("a reminder comes a positive time after: " + after);
                });
    }

    /** With the repeat guard over 7 days and reminders after 30 minutes. */
    public BindingPolicy(
            int requiredApprovals,
            boolean selfApprovalAllowed,
            Optional<Integer> dailyCap,
            Duration minGap,
            Optional<QuietHours> quietHours,
            Optional<LocalTime> digestAt) {
        this(
                requiredApprovals,
                selfApprovalAllowed,
                dailyCap,
                minGap,
                quietHours,
                digestAt,
                Optional.of(DEFAULT_REPEAT_WINDOW),
                Optional.of(DEFAULT_REMIND_AFTER));
    }

    /** With the daily digest, the repeat guard and reminders at their defaults. */
    public BindingPolicy(
            int requiredApprovals,
            boolean selfApprovalAllowed,
            Optional<Integer> dailyCap,
            Duration minGap,
            Optional<QuietHours> quietHours) {
        this(requiredApprovals, selfApprovalAllowed, dailyCap, minGap, quietHours, Optional.of(DEFAULT_DIGEST_AT));
    }

    /** One approver, no self-approval, no sending limits, the digest at 09:00, the repeat guard over 7 days, reminders after 30 minutes. */
    public static BindingPolicy defaults() {
        return new BindingPolicy(1, false, Optional.empty(), Duration.ZERO, Optional.empty());
    }

    public BindingPolicy withDigestAt(Optional<LocalTime> at) {
        return new BindingPolicy(
                requiredApprovals, selfApprovalAllowed, dailyCap, minGap, quietHours, at, repeatWindow, remindAfter);
    }

    public BindingPolicy withRepeatWindow(Optional<Duration> window) {
        return new BindingPolicy(
                requiredApprovals, selfApprovalAllowed, dailyCap, minGap, quietHours, digestAt, window, remindAfter);
    }

    public BindingPolicy withRemindAfter(Optional<Duration> after) {
        return new BindingPolicy(
                requiredApprovals, selfApprovalAllowed, dailyCap, minGap, quietHours, digestAt, repeatWindow, after);
    }
}
