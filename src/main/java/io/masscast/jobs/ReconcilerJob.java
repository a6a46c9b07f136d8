package io.masscast.jobs;

import io.masscast.core.campaign.SentMessageMatch;
import io.masscast.core.campaign.SubmissionService;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.SentWindow;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles submissions nobody finished. A claim whose lease lapsed before its request left is put back in
 * the queue (it provably never reached OFAuth); one whose request had left is in doubt. For campaigns in
 * doubt it reads OFAuth's sent analytics around their requests — every message of the window, one search per
 * creator for all its campaigns — and lets {@link SubmissionService#reconcile} adopt a message only when
 * exactly one fits and no other campaign could have sent it. It never sends anything: what it cannot prove is
 * left to a person on the card.
 */
public final class ReconcilerJob extends SingletonJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcilerJob.class);
    private static final int BATCH = 50;
    /** A creator's analytics are read at most this often while it has campaigns in doubt (they cost rate limit). */
    static final Duration SEARCH_EVERY = Duration.ofSeconds(10);

    private final SubmissionService submissions;
    private final OfAuthGateway ofauth;
    private final LeaseKeeper leases;
    private final Clock clock;
    private final Map<String, Instant> lastSearch = new HashMap<>();

    public ReconcilerJob(
            SubmissionService submissions,
            OfAuthGateway ofauth,
            SingletonWork singleton,
            Clock clock,
            Duration interval) {
        super("reconciler", interval, singleton);
        this.submissions = submissions;
        this.ofauth = ofauth;
        this.leases = singleton.leases();
        this.clock = clock;
    }

    @Override
    protected void work() {
        settleAbandoned();
        lookForInDoubt();
    }

    private void settleAbandoned() {
        for (Campaign campaign : submissions.abandonedSubmissions(BATCH)) {
            submissions
                    .settleAbandoned(campaign.id(), leases.owner(), leases.ttl())
                    .ifPresent(settled -> LOG.warn(
                            "{} was being submitted by a process that stopped; now {}",
                            settled.humanId(),
                            settled.state().label()));
        }
    }

    private void lookForInDoubt() {
        Instant now = clock.instant();
        Map<String, List<Campaign>> byConnection = submissions.toReconcile(BATCH).stream()
                .filter(c -> !SentMessageMatch.searchFrom(c).isAfter(now)) // a scheduled one not yet due
                .collect(Collectors.groupingBy(Campaign::connectionId, LinkedHashMap::new, Collectors.toList()));
        byConnection.forEach((connection, campaigns) -> {
            Instant last = lastSearch.get(connection);
            if (last != null && now.isBefore(last.plus(SEARCH_EVERY))) {
                return;
            }
            lastSearch.put(connection, now);
            Instant from = campaigns.stream()
                    .map(SentMessageMatch::searchFrom)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            Instant to = campaigns.stream()
                    .map(c -> SentMessageMatch.searchTo(c, now))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            try {
                SentWindow sent = ofauth.sentBetween(connection, from, to, CallPriority.INTERACTIVE);
                for (Campaign campaign : campaigns) {
                    SubmissionService.Reconciliation outcome = submissions.reconcile(campaign.id(), sent);
                    if (outcome != SubmissionService.Reconciliation.WAITING) {
                        LOG.info(
                                "{} in doubt: {}",
                                campaign.humanId(),
                                outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                    }
                }
            } catch (OfAuthFailure failure) {
                LOG.warn(
                        "Could not read the sent messages of {} for {} campaign(s) in doubt ({}); trying again later",
                        connection,
                        campaigns.size(),
                        failure.getClass().getSimpleName());
            }
        });
        lastSearch.keySet().retainAll(byConnection.keySet());
    }
}
