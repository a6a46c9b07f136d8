package io.masscast.store;

import io.masscast.core.port.CardRefStore;
import java.util.Optional;

/** Which chat message shows a campaign's card. */
final class JdbcCardRefStore implements CardRefStore {

    private static final String SAVE = """
            INSERT INTO card_ref (campaign_id, message_id)
            VALUES (?, ?)
            ON CONFLICT (campaign_id) DO UPDATE SET message_id = excluded.message_id""";

    private final Sql sql;

    JdbcCardRefStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<String> find(long campaignId) {
        return sql.one("find card", "SELECT message_id FROM card_ref WHERE campaign_id = ?",
                row -> row.string("message_id"), campaignId);
    }

    @Override
    public void save(long campaignId, String messageId) {
        sql.update("save card", SAVE, campaignId, messageId);
    }
}
