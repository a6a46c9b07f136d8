package io.masscast.jobs;

import io.masscast.core.campaign.SubmissionService;
import io.masscast.core.health.ConnectionHealthService;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.MassMessage;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends approved campaigns to OFAuth, each exactly once. A campaign is claimed with a lease, the moment
 * the request leaves is stored first, then OFAuth is asked once: a create (POST) is never repeated once it
 * may have arrived — its outcome is then in doubt and the reconciler takes over. An edit of a scheduled
 * message goes out as a replacement (PUT), which is safe to repeat.
 */
public final class SubmitterJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(SubmitterJob.class);
    private static final int BATCH = 20;
    private static final Duration CLAIM_TTL = Duration.ofMinutes(3);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(30);

    private final SubmissionService submissions;
    private final ConnectionHealthService health;
    private final OfAuthGateway ofauth;
    private final Clock clock;
    private final String owner;
    private final Duration interval;
    /** Campaigns put back after a refusal that says "later" (rate limit, network), with when to try again. */
    private final Map<Long, Instant> notBefore = new ConcurrentHashMap<>();

    public SubmitterJob(SubmissionService submissions, ConnectionHealthService health, OfAuthGateway ofauth, Clock clock,
                        String owner, Duration interval) {
        this.submissions = submissions;
        this.health = health;
        this.ofauth = ofauth;
        this.clock = clock;
        this.owner = owner;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "submitter";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void tick() {
        Instant now = clock.instant();
        Set<String> held = health.held(); // a creator whose session expired: approved sends wait for the reconnect
        for (Campaign approved : submissions.approved(BATCH)) {
            if (held.contains(approved.connectionId())) {
                continue;
            }
            Instant wait = notBefore.get(approved.id());
            if (wait != null && wait.isAfter(now)) {
                continue;
            }
            submissions.claim(approved.id(), owner, CLAIM_TTL).ifPresent(this::submit);
        }
    }

    private void submit(Campaign claimed) {
        try {
            Campaign campaign = submissions.markRequestStarted(claimed.id());
            MassMessage message = new MassMessage(campaign.content(), campaign.audience(), campaign.scheduledAt());
            Optional<Long> existing = campaign.ofauthMessageId();
            try {
                MessageReceipt receipt = existing.isPresent()
                        ? ofauth.replaceMassMessage(campaign.connectionId(), existing.get(), message)
                        : ofauth.createMassMessage(campaign.connectionId(), message);
                submissions.recordAccepted(campaign.id(), receipt);
                notBefore.remove(campaign.id());
                LOG.info("{} accepted by OFAuth as message {}", campaign.humanId(), receipt.id());
            } catch (OfAuthFailure failure) {
                settle(campaign, existing.isPresent(), failure);
            }
        } finally {
            submissions.releaseLease(claimed.id(), owner);
        }
    }

    private void settle(Campaign campaign, boolean replacement, OfAuthFailure failure) {
        String kind = failure.getClass().getSimpleName();
        if (failure instanceof OfAuthFailure.RateLimited limited) {
            retryLater(campaign, "OFAuth's rate limit: trying again shortly", limited.retryAfter());
        } else if (failure.mayHaveTakenEffect() && !replacement) {
            LOG.warn("{} in doubt after {}", campaign.humanId(), kind);
            submissions.markInDoubt(campaign.id(), describe(failure));
        } else if (failure.mayHaveTakenEffect() || failure instanceof OfAuthFailure.NetworkError) {
            retryLater(campaign, "OFAuth could not be reached (" + describe(failure) + "): trying again shortly", RETRY_PAUSE);
        } else if (failure instanceof OfAuthFailure.Unauthenticated auth && auth.sessionExpired()) {
            LOG.warn("{} waits: the session of {} expired", campaign.humanId(), campaign.connectionId());
            submissions.release(campaign.id(), "waiting for the creator to reconnect: the OnlyFans session expired");
        } else {
            LOG.info("{} refused by OFAuth ({})", campaign.humanId(), kind);
            submissions.recordRefused(campaign.id(), refusal(failure));
        }
    }

    private void retryLater(Campaign campaign, String reason, Duration pause) {
        notBefore.put(campaign.id(), clock.instant().plus(pause.isZero() ? RETRY_PAUSE : pause));
        submissions.release(campaign.id(), reason);
    }

    private static String describe(OfAuthFailure failure) {
        if (failure instanceof OfAuthFailure.ServerError server) {
            return "OFAuth answered with an error (HTTP " + server.status() + ")";
        }
        if (failure instanceof OfAuthFailure.NetworkError network) {
            return network.mayHaveReachedOfAuth()
                    ? "the connection to OFAuth broke before it answered" : "OFAuth could not be reached";
        }
        if (failure instanceof OfAuthFailure.BadPayload) {
            return "OFAuth's answer could not be read";
        }
        return failure.getMessage();
    }

    private static String refusal(OfAuthFailure failure) {
        if (failure instanceof OfAuthFailure.InvalidRequest invalid) {
            return invalid.reason();
        }
        if (failure instanceof OfAuthFailure.Unauthenticated) {
            return "OFAuth did not accept masscast's API key; check OFAUTH_API_KEY"; // an expired session waits instead
        }
        if (failure instanceof OfAuthFailure.Forbidden) {
            return "the OFAuth connection lacks the permission to send messages";
        }
        if (failure instanceof OfAuthFailure.NotFound) {
            return "OFAuth does not know this message or connection any more";
        }
        return failure.getMessage();
    }
}
