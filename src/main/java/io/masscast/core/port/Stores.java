package io.masscast.core.port;

/** The stores, all bound to one transaction. */
public interface Stores {
    BindingStore bindings();

    CampaignStore campaigns();

    ApprovalStore approvals();

    AuditStore audit();

    OutboxStore outbox();

    CardRefStore cards();

    LeaseStore leases();

    StatsStore stats();

    ConnectionStore connections();

    DigestStore digests();

    AbTestStore tests();

    ReminderStore reminders();

    AttachmentStore attachments();
}
