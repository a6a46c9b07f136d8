package io.masscast.core.port;

import io.masscast.core.model.Approval;
import java.util.List;

/** Approvals of campaigns, per content fingerprint. */
public interface ApprovalStore {

    /** Records an approval; false if this approver already approved this fingerprint (nothing written). */
    boolean add(Approval approval);

    /** Approvals of the campaign given for this fingerprint, oldest first. */
    List<Approval> forCampaign(long campaignId, String fingerprint);

    /** Forgets every approval of the campaign (after an edit). */
    void clear(long campaignId);
}
