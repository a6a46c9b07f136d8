package io.masscast.store;

import io.masscast.core.model.Attachment;
import io.masscast.core.port.AttachmentStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Campaign attachments, one row per uploaded file, kept in the order they were added. */
final class JdbcAttachmentStore implements AttachmentStore {

    private static final String ADD = """
            INSERT INTO campaign_attachment (campaign_id, upload_ref, vault_media_id, file_name, content_type, size_bytes,
                                             uploaded_at, reference_spent_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String FOR_CAMPAIGN = """
            SELECT upload_ref, vault_media_id, file_name, content_type, size_bytes, reference_spent_at
              FROM campaign_attachment
             WHERE campaign_id = ?
             ORDER BY id""";

    private static final String MARK_SPENT = """
            UPDATE campaign_attachment
               SET reference_spent_at = ?
             WHERE campaign_id = ? AND reference_spent_at IS NULL""";

    private final Sql sql;

    JdbcAttachmentStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void add(long campaignId, List<Attachment> attachments, Instant at) {
        for (Attachment a : attachments) {
            sql.update(
                    "add attachment",
                    ADD,
                    campaignId,
                    a.uploadRef(),
                    a.vaultMediaId(),
                    a.fileName(),
                    a.contentType(),
                    a.size(),
                    at,
                    a.referenceSpentAt());
        }
    }

    @Override
    public List<Attachment> forCampaign(long campaignId) {
        return sql.list("list attachments", FOR_CAMPAIGN, JdbcAttachmentStore::attachment, campaignId);
    }

    @Override
    public void markReferencesSpent(long campaignId, Instant at) {
        sql.update("mark upload references spent", MARK_SPENT, at, campaignId);
    }

    private static Attachment attachment(Row row) throws SQLException {
        return new Attachment(
                row.string("upload_ref"),
                row.optionalLong("vault_media_id"),
                row.string("file_name"),
                row.string("content_type"),
                row.longValue("size_bytes"),
                row.optionalInstant("reference_spent_at"));
    }
}
