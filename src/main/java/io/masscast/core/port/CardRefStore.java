package io.masscast.core.port;

import java.util.Optional;

/** The chat message that shows each campaign's card, so later changes update it instead of posting anew. */
public interface CardRefStore {

    Optional<String> find(long campaignId);

    void save(long campaignId, String messageId);
}
