package io.masscast.core.campaign;

import io.masscast.core.model.CampaignState;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.SentMessageStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a followed campaign stands, given what OFAuth's sent analytics report about its message. OFAuth's
 * analytics carry a sent count but no "done" flag (only the create answer has {@code isDone}, {@code total}
 * and {@code pending}), so delivery counts as complete when the sent count reaches the total OFAuth gave
 * at creation; without a total (a scheduled message) when the count has stopped moving for
 * {@link #SETTLED_WITHOUT_TOTAL}; and when a total is never reached (fans OnlyFans skipped) after it has
 * not moved for {@link #SETTLED_SHORT_OF_TOTAL}. One delivered fan is never enough.
 */
public final class DeliveryRule {
    static final Duration SETTLED_WITHOUT_TOTAL = Duration.ofMinutes(5);
    static final Duration SETTLED_SHORT_OF_TOTAL = Duration.ofMinutes(30);

    private DeliveryRule() {}

    /**
     * The state a campaign in {@code current} (scheduled, sending or sent) moves to, given the analytics
     * {@code row} for its message and its stats after recording that row.
     */
    public static CampaignState next(CampaignState current, SentMessageStats row, CampaignStats after, Instant now) {
        if (row.canceled()) {
            return current == CampaignState.SCHEDULED ? current : CampaignState.UNSENT;
        }
        if (current == CampaignState.SENT) {
            return current;
        }
        return complete(row.sentCount(), after.recipients(), after.sentChangedAt(), now)
                ? CampaignState.SENT
                : CampaignState.SENDING;
    }

    static boolean complete(long sent, Optional<Long> total, Optional<Instant> sentChangedAt, Instant now) {
        if (total.isPresent() && sent >= total.get()) {
            return true;
        }
        Duration settle = total.isPresent() ? SETTLED_SHORT_OF_TOTAL : SETTLED_WITHOUT_TOTAL;
        return sent > 0
                && sentChangedAt
                        .filter(changed -> !changed.plus(settle).isAfter(now))
                        .isPresent();
    }
}
