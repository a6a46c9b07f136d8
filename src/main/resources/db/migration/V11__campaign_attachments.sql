-- Files attached to a campaign from chat and uploaded to OFAuth: what the card shows of each, its upload reference
-- (what the campaign's media names) and the vault media id OFAuth gave when the upload completed. Upload references
-- are single-use: once a request that carried them may have reached OFAuth, later requests carry the vault id.
-- Same conventions as V1.
CREATE TABLE campaign_attachment (
    id                 ${id_column},
    campaign_id        BIGINT NOT NULL REFERENCES campaign (id),
    upload_ref         TEXT   NOT NULL,
    vault_media_id     BIGINT,          -- NULL when OFAuth's completion named no media
    file_name          TEXT   NOT NULL,
    content_type       TEXT   NOT NULL,
    size_bytes         BIGINT NOT NULL,
    uploaded_at        BIGINT NOT NULL,
    reference_spent_at BIGINT,          -- when a request carrying the reference first went to OFAuth
    UNIQUE (campaign_id, upload_ref)
);
