package io.masscast.jobs;

import io.masscast.core.campaign.ReminderService;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds approvers of campaigns still waiting for them. Every replica runs it: each reminder is claimed in the
 * database as it is queued, so it goes out once whichever replica or restart comes first.
 */
public final class ReminderJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);

    private final ReminderService reminders;
    private final Duration interval;

    public ReminderJob(ReminderService reminders, Duration interval) {
        this.reminders = reminders;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void tick() {
        int reminded = reminders.remindDue();
        if (reminded > 0) {
            LOG.info("Reminded approvers of {} campaign(s) waiting for approval", reminded);
        }
    }
}
