package io.masscast.jobs;

import io.masscast.core.campaign.ClaimLost;
import io.masscast.core.campaign.FailureVerdict;
import io.masscast.core.campaign.SubmissionKind;
import io.masscast.core.campaign.SubmissionService;
import io.masscast.core.health.ConnectionHealthService;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.MassMessage;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthGateway;
import io.masscast.core.port.RequestStartHook;
import io.masscast.core.port.WorkSignal;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends approved campaigns to OFAuth, each exactly once. A campaign is claimed with a lease (kept alive by
 * the {@link LeaseKeeper} while this process works on it), the moment the request leaves is stored when the
 * rate limiter has granted it and right before it goes on the wire, then OFAuth is asked once. What a failure
 * means is {@link FailureVerdict}'s rule: a create (POST) is never repeated once it may have arrived — its
 * outcome is then in doubt and the reconciler takes over — while an edit of a scheduled message goes out as
 * a replacement (PUT), which is safe to repeat. Campaigns that look the same in OFAuth's analytics (the parts of an
 * A/B test variant, twins a requester confirmed) go out one after the other, never two in flight at once.
 */
public final class SubmitterJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(SubmitterJob.class);
    private static final int BATCH = 20;

    private final SubmissionService submissions;
    private final ConnectionHealthService health;
    private final OfAuthGateway ofauth;
    private final LeaseKeeper leases;
    private final Duration interval;
    private volatile boolean stopping;

    public SubmitterJob(
            SubmissionService submissions,
            ConnectionHealthService health,
            OfAuthGateway ofauth,
            LeaseKeeper leases,
            Duration interval) {
        this.submissions = submissions;
        this.health = health;
        this.ofauth = ofauth;
        this.leases = leases;
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
    public Set<WorkSignal.Work> wakesOn() {
        return Set.of(WorkSignal.Work.SUBMISSION);
    }

    @Override
    public void tick() {
        Set<String> held = health.held(); // a creator whose session expired: approved sends wait for the reconnect
        for (Campaign due : submissions.dueForSubmission(BATCH)) {
            if (stopping) {
                return; // the process stops: claim no more; those left are another replica's, or the next start's
            }
            if (!held.contains(due.connectionId())) {
                submissions.claim(due.id(), leases.owner(), leases.ttl()).ifPresent(this::submit);
            }
        }
    }

    /** Finishes the send in flight (or gives its campaign back) and claims no other. */
    @Override
    public void stopping() {
        stopping = true;
    }

    private void submit(Campaign claimed) {
        String lease = SubmissionService.leaseName(claimed.id());
        String lookalike = SubmissionService.lookalikeLeaseName(claimed.connectionId(), claimed.content());
        leases.hold(lease);
        leases.hold(lookalike);
        try {
            SubmissionKind kind =
                    claimed.ofauthMessageId().isPresent() ? SubmissionKind.REPLACE : SubmissionKind.CREATE;
            MassMessage message = submissions.messageFor(claimed);
            RequestStartHook recordStart =
                    () -> submissions.markRequestStarted(claimed.id(), leases.owner(), leases.ttl());
            try {
                MessageReceipt receipt = kind == SubmissionKind.REPLACE
                        ? ofauth.replaceMassMessage(
                                claimed.connectionId(),
                                claimed.ofauthMessageId().get(),
                                message,
                                recordStart)
                        : ofauth.createMassMessage(claimed.connectionId(), message, recordStart);
                submissions.recordAccepted(claimed.id(), leases.owner(), receipt);
                LOG.info("{} accepted by OFAuth as message {}", claimed.humanId(), receipt.id());
            } catch (OfAuthFailure failure) {
                FailureVerdict verdict = submissions.settleFailure(claimed.id(), leases.owner(), kind, failure);
                LOG.warn(
                        "{}: {} of the message failed ({}): {}",
                        claimed.humanId(),
                        kind.name().toLowerCase(Locale.ROOT),
                        failure.getClass().getSimpleName(),
                        verdict.getClass().getSimpleName());
            } catch (ClaimLost lost) {
                LOG.warn("{} not sent by {}: {}", claimed.humanId(), leases.owner(), lost.getMessage());
            }
        } finally {
            leases.release(lookalike);
            leases.release(lease);
        }
    }
}
