package io.masscast.jobs;

import io.masscast.core.campaign.CampaignService;
import java.time.Duration;

/** Expires campaigns still waiting for approval when their send time has passed. */
public final class ExpiryJob extends SingletonJob {
    private static final int BATCH = 200;

    private final CampaignService campaigns;

    public ExpiryJob(CampaignService campaigns, SingletonWork singleton, Duration interval) {
        super("expiry", interval, singleton);
        this.campaigns = campaigns;
    }

    @Override
    protected void work() {
        campaigns.expireOverdue(BATCH);
    }
}
