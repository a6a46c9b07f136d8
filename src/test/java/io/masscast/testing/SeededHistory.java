package io.masscast.testing;

import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.StatsFigures;
import io.masscast.core.model.StatsSnapshot;
import io.masscast.core.port.Transactor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes a campaign's past into the stores, as if it had been sent and followed by the poller: for the best send
 * times, which read history that a test can't wait weeks for.
 */
public final class SeededHistory {
    private final Transactor stores;
    private long nextMessageId = 3_404_900_000L;

    public SeededHistory(Transactor stores) {
        this.stores = stores;
    }

    /** The composed campaign, gone out at {@code at} with an OFAuth message of its own, now in {@code state}. */
    public Campaign sent(Campaign composed, Instant at, CampaignState state) {
        long messageId = nextMessageId++;
        return stores.inTransaction(s -> s.campaigns()
                        .update(composed.change()
                                .state(state)
                                .sentAt(Optional.of(at))
                                .ofauthMessageId(Optional.of(messageId))
                                .apply(at)))
                .orElseThrow();
    }

    /** What the poller stored {@code after} the campaign went out: its recipients and purchases then. */
    public void snapshot(Campaign campaign, Duration after, long recipients, long purchases) {
        StatsSnapshot snapshot = new StatsSnapshot(
                campaign.id(),
                campaign.sentAt().orElseThrow().plus(after),
                new StatsFigures(
                        recipients,
                        recipients / 2,
                        purchases,
                        campaign.content().price().multiply(BigDecimal.valueOf(purchases)),
                        false));
        stores.inTransaction(s -> {
            s.stats().addSnapshot(snapshot);
            return null;
        });
    }
}
