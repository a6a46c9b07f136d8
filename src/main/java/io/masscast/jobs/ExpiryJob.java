package io.masscast.jobs;

import io.masscast.core.campaign.CampaignService;
import java.time.Duration;

/** Expires campaigns still waiting for approval when their send time has passed. */
public final class ExpiryJob implements Job {
    private static final int BATCH = 200;

    private final CampaignService campaigns;
    private final SingletonWork singleton;
    private final Duration interval;

    public ExpiryJob(CampaignService campaigns, SingletonWork singleton, Duration interval) {
        this.campaigns = campaigns;
        this.singleton = singleton;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "expiry";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void tick() {
        singleton.runIfHolder(name(), interval.multipliedBy(3), () -> campaigns.expireOverdue(BATCH));
    }
}
