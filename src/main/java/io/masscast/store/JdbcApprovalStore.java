package io.masscast.store;

import io.masscast.core.model.Approval;
import io.masscast.core.port.ApprovalStore;
import java.util.List;

/** Approvals, at most one per (campaign, fingerprint, approver). */
final class JdbcApprovalStore implements ApprovalStore {

    // DO NOTHING instead of catching a unique violation, which would abort a PostgreSQL transaction
    private static final String ADD = """
            INSERT INTO approval (campaign_id, fingerprint, approver_id, approver_name, approved_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (campaign_id, fingerprint, approver_id) DO NOTHING""";

    private static final String FOR_CAMPAIGN = """
            SELECT campaign_id, fingerprint, approver_id, approver_name, approved_at
              FROM approval
             WHERE campaign_id = ? AND fingerprint = ?
             ORDER BY approved_at, id""";

    private final Sql sql;

    JdbcApprovalStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean add(Approval approval) {
        return sql.update(
                        "add approval",
                        ADD,
                        approval.campaignId(),
                        approval.fingerprint(),
                        approval.approverId(),
                        approval.approverName(),
                        approval.at())
                == 1;
    }

    @Override
    public List<Approval> forCampaign(long campaignId, String fingerprint) {
        return sql.list(
                "list approvals",
                FOR_CAMPAIGN,
                row -> new Approval(
                        row.longValue("campaign_id"),
                        row.string("approver_id"),
                        row.string("approver_name"),
                        row.string("fingerprint"),
                        row.instant("approved_at")),
                campaignId,
                fingerprint);
    }

    @Override
    public void clear(long campaignId) {
        sql.update("clear approvals", "DELETE FROM approval WHERE campaign_id = ?", campaignId);
    }
}
