package io.masscast.jobs;

import io.masscast.core.campaign.SubmissionService;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles submissions nobody finished. A claim whose lease expired before its request left is put back in
 * the queue (it provably never reached OFAuth); one whose request had left is in doubt. For campaigns in
 * doubt it looks in OFAuth's sent analytics for a message with the same text sent since the request left,
 * and adopts it. It never sends anything: what it cannot prove is left to a person on the card.
 */
public final class ReconcilerJob extends SingletonJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcilerJob.class);
    private static final int BATCH = 50;
    /** How long after the request (or the scheduled time) analytics may take to show the message. */
    static final Duration LOOK_FOR = Duration.ofMinutes(15);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final SubmissionService submissions;
    private final OfAuthGateway ofauth;
    private final Clock clock;

    public ReconcilerJob(SubmissionService submissions, OfAuthGateway ofauth, SingletonWork singleton, Clock clock,
                         Duration interval) {
        super("reconciler", interval, singleton);
        this.submissions = submissions;
        this.ofauth = ofauth;
        this.clock = clock;
    }

    @Override
    protected void work() {
        settleAbandoned();
        lookForInDoubt();
    }

    private void settleAbandoned() {
        for (Campaign campaign : submissions.abandonedSubmissions(BATCH)) {
            if (campaign.requestStartedAt().isEmpty()) {
                LOG.info("{} was claimed but never sent; back in the queue", campaign.humanId());
                submissions.release(campaign.id(), "the process sending it stopped before the request left; sending it again");
            } else {
                LOG.warn("{} was being sent when its process stopped; in doubt", campaign.humanId());
                submissions.markInDoubt(campaign.id(), "masscast stopped while OFAuth was handling the request");
            }
        }
    }

    private void lookForInDoubt() {
        Instant now = clock.instant();
        for (Campaign campaign : submissions.inDoubt(BATCH)) {
            Instant left = campaign.requestStartedAt().orElse(campaign.updatedAt());
            Instant due = campaign.scheduledAt().filter(at -> at.isAfter(left)).orElse(left);
            if (now.isAfter(due.plus(LOOK_FOR))) {
                continue;
            }
            try {
                Optional<SentMessageStats> found = ofauth.findSent(campaign.connectionId(), campaign.content().text(),
                        left.minus(CLOCK_SKEW), now.plus(CLOCK_SKEW));
                found.ifPresent(stats -> {
                    LOG.info("{} found at OFAuth as message {}", campaign.humanId(), stats.id());
                    submissions.adopt(campaign.id(), stats);
                });
            } catch (OfAuthFailure failure) {
                LOG.warn("Could not look for {} at OFAuth ({}); trying again next tick", campaign.humanId(),
                        failure.getClass().getSimpleName());
            }
        }
    }
}
