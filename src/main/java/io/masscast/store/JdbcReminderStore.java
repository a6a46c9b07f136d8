package io.masscast.store;

import io.masscast.core.port.ReminderStore;
import java.time.Instant;

/** Reminders claimed per campaign and window: the first insert wins, later ones change nothing. */
final class JdbcReminderStore implements ReminderStore {

    private static final String CLAIM = """
            INSERT INTO reminder_claim (campaign_id, reminder, claimed_at, claimed_by)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (campaign_id, reminder) DO NOTHING""";

    private final Sql sql;

    JdbcReminderStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean claim(long campaignId, String window, Instant at, String by) {
        return sql.update("claim reminder", CLAIM, campaignId, window, at, by) == 1;
    }
}
