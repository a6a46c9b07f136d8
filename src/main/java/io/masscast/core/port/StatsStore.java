package io.masscast.core.port;

import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Fan;
import io.masscast.core.model.StatsSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Campaign results: the latest figures, their time series, and the buyers seen and announced. */
public interface StatsStore {

    Optional<CampaignStats> find(long campaignId);

    /** Stores the campaign's stats (inserting or replacing), except {@code recipients}, which only {@link #recordRecipients} sets. */
    void save(CampaignStats stats);

    /** OFAuth said how many fans the message goes to. */
    void recordRecipients(long campaignId, long recipients);

    void addSnapshot(StatsSnapshot snapshot);

    /** A campaign's snapshots, oldest first. */
    List<StatsSnapshot> snapshots(long campaignId);

    /**
     * The snapshots taken up to {@code until} of the channel's campaigns that have one taken after
     * {@code changedAfter}: the whole series of each, so figures at any moment of the span can be read.
     * Ordered by campaign, then oldest first.
     */
    List<StatsSnapshot> channelSnapshots(ChannelRef channel, Instant changedAfter, Instant until);

    /** Stores the buyers not stored before, in the given order; returns how many were new. */
    int addBuyers(long campaignId, List<Fan> buyers, Instant seenAt);

    long buyerCount(long campaignId);

    /** Buyers not yet announced in the card's thread, in the order they were seen. */
    List<Fan> unannouncedBuyers(long campaignId);

    /** Marks every buyer not yet announced as announced; returns how many it marked. */
    int markAnnounced(long campaignId, Instant at);

    /** Campaigns of the connection with buyers not yet announced. */
    List<Long> withUnannouncedBuyers(String connectionId);
}
