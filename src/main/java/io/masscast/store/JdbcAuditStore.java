package io.masscast.store;

import io.masscast.core.model.AuditEvent;
import io.masscast.core.model.CampaignState;
import io.masscast.core.port.AuditStore;
import java.util.List;

/** The audit trail; rows are only ever inserted. */
final class JdbcAuditStore implements AuditStore {

    private static final String APPEND = """
            INSERT INTO audit_event (campaign_id, occurred_at, actor_id, action, from_state, to_state,
                                     fingerprint, ofauth_message_id, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String FOR_CAMPAIGN = """
            SELECT campaign_id, occurred_at, actor_id, action, from_state, to_state,
                   fingerprint, ofauth_message_id, detail
              FROM audit_event
             WHERE campaign_id = ?
             ORDER BY occurred_at, id""";

    private final Sql sql;

    JdbcAuditStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void append(AuditEvent event) {
        sql.update(
                "append audit event",
                APPEND,
                event.campaignId(),
                event.at(),
                event.actorId(),
                event.action(),
                event.from(),
                event.to(),
                event.fingerprint(),
                event.ofauthMessageId(),
                event.detail());
    }

    @Override
    public List<AuditEvent> forCampaign(long campaignId) {
        return sql.list(
                "list audit events",
                FOR_CAMPAIGN,
                row -> new AuditEvent(
                        row.longValue("campaign_id"),
                        row.instant("occurred_at"),
                        row.string("actor_id"),
                        row.string("action"),
                        row.optionalEnum("from_state", CampaignState.class),
                        row.enumValue("to_state", CampaignState.class),
                        row.string("fingerprint"),
                        row.optionalLong("ofauth_message_id"),
                        row.string("detail")),
                campaignId);
    }
}
