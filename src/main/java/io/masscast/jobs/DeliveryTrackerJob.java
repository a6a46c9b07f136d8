package io.masscast.jobs;

import io.masscast.core.campaign.SubmissionService;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when OFAuth has delivered what it accepted: scheduled messages whose time has come and sending
 * ones show up in OFAuth's sent analytics with a recipient count, and the campaign becomes sent. One
 * analytics call per creator per tick, at background priority.
 */
public final class DeliveryTrackerJob extends SingletonJob {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTrackerJob.class);
    private static final int BATCH = 100;
    private static final int ANALYTICS_LIMIT = 100;
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final SubmissionService submissions;
    private final OfAuthGateway ofauth;
    private final Clock clock;

    public DeliveryTrackerJob(SubmissionService submissions, OfAuthGateway ofauth, SingletonWork singleton, Clock clock,
                              Duration interval) {
        super("delivery-tracker", interval, singleton);
        this.submissions = submissions;
        this.ofauth = ofauth;
        this.clock = clock;
    }

    @Override
    protected void work() {
        Instant now = clock.instant();
        Map<String, List<Campaign>> due = submissions.delivering(BATCH).stream()
                .filter(c -> c.state() == CampaignState.SENDING || !c.sendTime().isAfter(now))
                .filter(c -> c.ofauthMessageId().isPresent())
                .collect(Collectors.groupingBy(Campaign::connectionId));
        due.forEach((connection, campaigns) -> {
            Instant from = campaigns.stream().map(Campaign::sendTime).min(Comparator.naturalOrder()).orElse(now).minus(MARGIN);
            try {
                List<SentMessageStats> sent = ofauth.sentMessages(connection, from, now.plus(MARGIN), ANALYTICS_LIMIT,
                        CallPriority.BACKGROUND);
                campaigns.forEach(campaign -> sent.stream()
                        .filter(stats -> campaign.ofauthMessageId().get() == stats.id() && stats.sentCount() > 0)
                        .findFirst()
                        .ifPresent(stats -> submissions.progress(campaign.id(), stats, true)));
            } catch (OfAuthFailure failure) {
                LOG.warn("Delivery of {} campaign(s) of {} not checked ({}); next tick", campaigns.size(), connection,
                        failure.getClass().getSimpleName());
            }
        });
    }
}
