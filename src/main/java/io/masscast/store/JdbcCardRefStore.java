package io.masscast.store;

import io.masscast.core.port.CardRefStore;
import java.util.Optional;

/** Which chat message shows a campaign's card, and a link to it. */
final class JdbcCardRefStore implements CardRefStore {

    private static final String SAVE = """
            INSERT INTO card_ref (campaign_id, message_id)
            VALUES (?, ?)
            ON CONFLICT (campaign_id) DO UPDATE SET
                message_id = excluded.message_id,
                permalink = CASE WHEN card_ref.message_id = excluded.message_id THEN card_ref.permalink END""";

    private final Sql sql;

    JdbcCardRefStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<String> find(long campaignId) {
        return sql.one(
                "find card",
                "SELECT message_id FROM card_ref WHERE campaign_id = ?",
                row -> row.string("message_id"),
                campaignId);
    }

    @Override
    public void save(long campaignId, String messageId) {
        sql.update("save card", SAVE, campaignId, messageId);
    }

    @Override
    public void savePermalink(long campaignId, String permalink) {
        sql.update("save card link", "UPDATE card_ref SET permalink = ? WHERE campaign_id = ?", permalink, campaignId);
    }

    @Override
    public Optional<String> permalink(long campaignId) {
        return sql.one(
                        "find card link",
                        "SELECT permalink FROM card_ref WHERE campaign_id = ?",
                        row -> row.optionalString("permalink"),
                        campaignId)
                .flatMap(link -> link);
    }
}
