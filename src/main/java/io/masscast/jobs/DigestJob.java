package io.masscast.jobs;

import io.masscast.core.digest.DigestService;
import io.masscast.core.model.Binding;
import io.masscast.core.model.ChannelRef;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each bound channel's daily digest at the time its policy sets, in its zone (default 09:00). The digest
 * of a channel and day is claimed in the database as it is queued, so it goes out once whichever replica or
 * restart comes first. One missed while masscast was down is posted at start-up if its day is not over, and
 * otherwise skipped with a log line. A channel that never had a daily digest (bound, or first started, after
 * the day's time) gets its first one at the next time, not at once. Whichever time a channel's policy sets, it
 * gets one daily digest per local day.
 */
public final class DigestJob extends DailyJob<ChannelRef> {
    private static final Logger LOG = LoggerFactory.getLogger(DigestJob.class);

    private final DigestService digests;

    public DigestJob(DigestService digests, Clock clock, Duration checkEvery) {
        super("digest", checkEvery, clock);
        this.digests = digests;
    }

    @Override
    protected Map<ChannelRef, DailySchedule> schedules() {
        Map<ChannelRef, DailySchedule> schedules = new LinkedHashMap<>();
        for (Binding binding : digests.dailyDigestChannels()) {
            schedules.put(
                    binding.channel(),
                    new DailySchedule(binding.policy().digestAt().orElseThrow(), binding.zone()));
        }
        return schedules;
    }

    @Override
    protected void due(ChannelRef channel, DailySchedule.Occurrence occurrence) {
        if (digests.postDaily(channel, occurrence.day())) {
            LOG.info("Daily digest of {} for {} queued", channel, occurrence.day());
        }
    }

    @Override
    protected void late(ChannelRef channel, DailySchedule.Occurrence occurrence) {
        if (!digests.hadDailyDigest(channel)) {
            LOG.info(
                    "Daily digest of {}: today's time had passed when masscast began to watch it (the channel is new,"
                            + " or its time was just set); the first one comes at the next",
                    channel);
        } else if (digests.postDaily(channel, occurrence.day())) {
            LOG.info(
                    "Daily digest of {} for {} was due at {} while masscast was not running; queued now",
                    channel,
                    occurrence.day(),
                    occurrence.dueAt());
        }
    }

    @Override
    protected void missed(ChannelRef channel, DailySchedule.Occurrence occurrence) {
        if (digests.hadDailyDigest(channel) && digests.skipDaily(channel, occurrence.day())) {
            LOG.warn(
                    "Daily digest of {} for {} skipped: it was due at {} and that day is over in the channel's zone"
                            + " (masscast was not running then)",
                    channel,
                    occurrence.day(),
                    occurrence.dueAt());
        }
    }
}
