package io.masscast.core.port;

import io.masscast.core.model.Attachment;
import java.time.Instant;
import java.util.List;

/** The files attached to campaigns from chat and uploaded to OFAuth. */
public interface AttachmentStore {

    /** Adds the campaign's newly uploaded files, after those it has. */
    void add(long campaignId, List<Attachment> attachments, Instant at);

    /** The campaign's attachments, in the order they were added. */
    List<Attachment> forCampaign(long campaignId);

    /** A request carrying the campaign's upload references may reach OFAuth now: they count as used from then on. */
    void markReferencesSpent(long campaignId, Instant at);
}
