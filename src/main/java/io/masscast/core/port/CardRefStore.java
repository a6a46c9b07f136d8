package io.masscast.core.port;

import java.util.Optional;

/** The chat message that shows each campaign's card, so later changes update it instead of posting anew. */
public interface CardRefStore {

    Optional<String> find(long campaignId);

    /** Stores the message showing the card; a new message forgets the link to the old one. */
    void save(long campaignId, String messageId);

    /** A link that opens the card's message (where the platform has one). */
    void savePermalink(long campaignId, String permalink);

    Optional<String> permalink(long campaignId);
}
