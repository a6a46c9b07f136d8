package io.masscast.store;

import io.masscast.core.port.ApprovalStore;
import io.masscast.core.port.AttachmentStore;
import io.masscast.core.port.AuditStore;
import io.masscast.core.port.BindingStore;
import io.masscast.core.port.CampaignStore;
import io.masscast.core.port.CardRefStore;
import io.masscast.core.port.ConnectionStore;
import io.masscast.core.port.DigestStore;
import io.masscast.core.port.LeaseStore;
import io.masscast.core.port.OutboxStore;
import io.masscast.core.port.ReminderStore;
import io.masscast.core.port.StatsStore;
import io.masscast.core.port.Stores;
import io.masscast.core.port.WorkSignal;
import java.sql.Connection;
import java.util.function.Consumer;

/** All stores, bound to the connection of one transaction; {@code written} hears of work the stores queued. */
final class JdbcStores implements Stores {

    private final BindingStore bindings;
    private final CampaignStore campaigns;
    private final ApprovalStore approvals;
    private final AuditStore audit;
    private final OutboxStore outbox;
    private final CardRefStore cards;
    private final LeaseStore leases;
    private final StatsStore stats;
    private final ConnectionStore connections;
    private final DigestStore digests;
    private final ReminderStore reminders;
    private final AttachmentStore attachments;

    JdbcStores(Connection connection, Consumer<WorkSignal.Work> written) {
        Sql sql = new Sql(connection);
        bindings = new JdbcBindingStore(sql);
        campaigns = new JdbcCampaignStore(sql, written);
        approvals = new JdbcApprovalStore(sql);
        audit = new JdbcAuditStore(sql);
        outbox = new JdbcOutboxStore(sql, written);
        cards = new JdbcCardRefStore(sql);
        leases = new JdbcLeaseStore(sql);
        stats = new JdbcStatsStore(sql);
        connections = new JdbcConnectionStore(sql);
        digests = new JdbcDigestStore(sql);
        reminders = new JdbcReminderStore(sql);
        attachments = new JdbcAttachmentStore(sql);
    }

    @Override
    public BindingStore bindings() {
        return bindings;
    }

    @Override
    public CampaignStore campaigns() {
        return campaigns;
    }

    @Override
    public ApprovalStore approvals() {
        return approvals;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    @Override
    public CardRefStore cards() {
        return cards;
    }

    @Override
    public LeaseStore leases() {
        return leases;
    }

    @Override
    public StatsStore stats() {
        return stats;
    }

    @Override
    public ConnectionStore connections() {
        return connections;
    }

    @Override
    public DigestStore digests() {
        return digests;
    }

    @Override
    public ReminderStore reminders() {
        return reminders;
    }

    @Override
    public AttachmentStore attachments() {
        return attachments;
    }
}
