package io.masscast.core.port;

import io.masscast.core.model.AuditEvent;
import java.util.List;

/** The append-only history of campaigns. */
public interface AuditStore {

    void append(AuditEvent event);

    /** A campaign's history, oldest first. */
    List<AuditEvent> forCampaign(long campaignId);
}
