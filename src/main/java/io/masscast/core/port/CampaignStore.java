package io.masscast.core.port;

import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Campaigns. All methods run inside the caller's transaction (see {@link Transactor}). */
public interface CampaignStore {

    /**
     * Stores a new campaign. The store ignores the given id, number and version and assigns the
     * database id, the next human number of the campaign's platform workspace (1, 2, ...) and version 1.
     */
    Campaign insert(Campaign campaign);

    Optional<Campaign> find(long id);

    Optional<Campaign> findByNumber(Platform platform, String workspaceId, int number);

    /**
     * Conditional update: stores {@code changed} only if the stored version still equals
     * {@code changed.version()}. Returns the stored campaign with its version increased by one,
     * or empty if someone else changed it first (nothing is written then).
     */
    Optional<Campaign> update(Campaign changed);

    /**
     * Approved campaigns the submitter may try now: none deferred past {@code now} by
     * {@link #deferSubmission}, least recently updated first.
     */
    List<Campaign> dueForSubmission(Instant now, int limit);

    /**
     * Keeps the submitter off an approved campaign until {@code notBefore} (OFAuth said "later"). Stored with
     * the campaign, so a restart or another replica honours it; it is not part of the versioned fields.
     */
    void deferSubmission(long campaignId, Instant notBefore);

    /** The campaign of the connection that owns OFAuth message {@code messageId}; the schema allows only one. */
    Optional<Campaign> findByOfauthMessageId(String connectionId, long messageId);

    /** Campaigns in any of the states, least recently updated first. */
    List<Campaign> inStates(Set<CampaignState> states, int limit);

    /** A channel's campaigns in any of the states, newest first. */
    List<Campaign> inChannel(ChannelRef channel, Set<CampaignState> states, int limit);

    /** A channel's campaigns that went out in (from, until] ({@link Campaign#sentAt()}), oldest first. */
    List<Campaign> sentInChannel(ChannelRef channel, Instant from, Instant until);

    /** A connection's campaigns (in every channel bound to it) that went out in (from, until], oldest first. */
    List<Campaign> sentForConnection(String connectionId, Instant from, Instant until);

    /**
     * Campaigns of a connection in a committed state (approved or later, not cancelled or failed) whose
     * send time ({@link Campaign#sendTime()}) lies in [from, to).
     */
    List<Campaign> committedSends(String connectionId, Instant from, Instant to);

    /**
     * The campaigns of a connection whose results are still followed: OFAuth holds them (they have its
     * message id) and they are scheduled or sending, or were sent at or after {@code sentSince}; oldest
     * send time first.
     */
    List<Campaign> tracked(String connectionId, Instant sentSince);
}
