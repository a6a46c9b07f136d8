package io.masscast.jobs;

import static io.masscast.testing.CampaignTestData.ALICE;
import static io.masscast.testing.CampaignTestData.BOB;
import static io.masscast.testing.CampaignTestData.CHANNEL;
import static io.masscast.testing.CampaignTestData.draft;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.campaign.SubmissionService;
import io.masscast.core.health.ConnectionHealthService;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.Lease;
import io.masscast.core.model.MassMessage;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.policy.Permissions;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.RequestStartHook;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingOfAuthGateway;
import io.masscast.testing.UnexpectedOfAuthGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The submitter against a scripted OFAuth: when the request start is recorded, what a lease covers, what waits. */
class SubmitterJobTest {
    private static final Duration TTL = Duration.ofSeconds(10);

    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    private final InMemoryStores stores = new InMemoryStores();
    private final CampaignService campaigns =
            new CampaignService(stores, new RecordingOfAuthGateway(), new Permissions(Set.of("root")), clock);
    private final SubmissionService submissions = new SubmissionService(stores, clock);
    private final LeaseKeeper leases = new LeaseKeeper(stores, clock, "replica-a", TTL);

    /** OFAuth as the test scripts it: each create runs {@code onCreate} with the request's start hook. */
    private static final class ScriptedOfAuth extends UnexpectedOfAuthGateway {
        final List<String> sent = new ArrayList<>();
        Script onCreate = hook -> {
            hook.beforeSending();
            sent.add("POST");
            return receipt();
        };

        @Override
        public MessageReceipt createMassMessage(
                String connectionId, MassMessage message, RequestStartHook onRequestStart) {
            return onCreate.create(onRequestStart);
        }
    }

    @FunctionalInterface
    private interface Script {
        MessageReceipt create(RequestStartHook hook);
    }

    private final ScriptedOfAuth ofauth = new ScriptedOfAuth();
    private final SubmitterJob submitter =
            new SubmitterJob(submissions, health(), ofauth, leases, Duration.ofMillis(500));

    private ConnectionHealthService health() {
        return new ConnectionHealthService(stores, new UnexpectedOfAuthGateway() {}, clock, Duration.ofMinutes(15));
    }

    private static MessageReceipt receipt() {
        return new MessageReceipt(3409917724L, Instant.parse("2026-03-20T10:00:02Z"), false, true, 600, false, false);
    }

    private Campaign approved() {
        new BindingService(stores, new Permissions(Set.of("root")))
                .bind(Actor.of("root", "Root"), CampaignTestData.binding());
        Campaign campaign = campaigns.compose(CHANNEL, ALICE, draft().build()).campaign();
        return campaigns.approve(campaign.id(), BOB, campaign.fingerprint()).campaign();
    }

    private Campaign stored(Campaign campaign) {
        return stores.inTransaction(s -> s.campaigns().find(campaign.id())).orElseThrow();
    }

    @Test
    void theRequestStartIsRecordedOnlyWhenTheGatewayIsAboutToSend() {
        Campaign campaign = approved();
        List<Optional<Instant>> startSeen = new ArrayList<>();
        ofauth.onCreate = hook -> {
            startSeen.add(stored(campaign).requestStartedAt()); // e.g. while the rate limiter makes it wait
            hook.beforeSending();
            startSeen.add(stored(campaign).requestStartedAt());
            return receipt();
        };

        submitter.tick();

        assertThat(startSeen).containsExactly(Optional.empty(), Optional.of(clock.instant()));
        assertThat(stored(campaign).state()).isEqualTo(CampaignState.SENDING);
    }

    @Test
    void aCrashWhileTheRequestWaitsForTheRateLimiterLeavesACampaignThatProvablyNeverLeft() {
        Campaign campaign = approved();
        ofauth.onCreate = hook -> {
            // this process freezes in the limiter's wait; its claim lapses and another process settles it
            clock.advance(TTL.plusSeconds(1));
            Optional<Campaign> settled = submissions.settleAbandoned(campaign.id(), "replica-b", TTL);
            assertThat(settled).get().extracting(Campaign::state).isEqualTo(CampaignState.APPROVED);
            hook.beforeSending(); // the wait ends: too late, the request must not go out
            ofauth.sent.add("POST");
            return receipt();
        };

        submitter.tick();

        assertThat(ofauth.sent).isEmpty();
        assertThat(stored(campaign).state()).isEqualTo(CampaignState.APPROVED);
        assertThat(stored(campaign).note())
                .contains("the process sending it stopped before the request left; sending it again");
    }

    @Test
    void theClaimIsShortButRenewedWhileTheRequestIsInFlight() {
        Campaign campaign = approved();
        ofauth.onCreate = hook -> {
            hook.beforeSending();
            for (int i = 0; i < 6; i++) { // a minute of a slow OFAuth
                clock.advance(TTL.dividedBy(3));
                leases.renewAll();
            }
            assertThat(submissions.abandonedSubmissions(10)).isEmpty();
            return receipt();
        };

        submitter.tick();

        assertThat(stored(campaign).state()).isEqualTo(CampaignState.SENDING);
        Optional<Lease> claim = stores.inTransaction(s -> s.leases().find(SubmissionService.leaseName(campaign.id())));
        assertThat(claim).as("given up when done").isEmpty();
    }

    @Test
    void theClaimOfACrashedSubmitterLapsesWithinOneLeaseTime() {
        Campaign campaign = approved();
        ofauth.onCreate = hook -> {
            hook.beforeSending();
            clock.advance(TTL.plusMillis(1)); // no renewal: this process has died
            assertThat(submissions.abandonedSubmissions(10))
                    .extracting(Campaign::id)
                    .containsExactly(campaign.id());
            throw new OfAuthFailure.NetworkError("killed", true, null);
        };

        submitter.tick();

        assertThat(stored(campaign).state()).isEqualTo(CampaignState.IN_DOUBT);
    }

    @Test
    void anotherReplicaHonoursTheTimeOfAuthAskedToWait() {
        Campaign campaign = approved();
        ofauth.onCreate = hook -> {
            throw new OfAuthFailure.RateLimited("429", Duration.ofSeconds(20), Optional.empty());
        };
        submitter.tick();
        assertThat(stored(campaign).state()).isEqualTo(CampaignState.APPROVED);

        ScriptedOfAuth secondOfAuth = new ScriptedOfAuth();
        SubmitterJob otherReplica = new SubmitterJob(
                new SubmissionService(stores, clock),
                health(),
                secondOfAuth,
                new LeaseKeeper(stores, clock, "replica-b", TTL),
                Duration.ofMillis(500));
        otherReplica.tick();
        assertThat(secondOfAuth.sent).isEmpty();

        clock.advance(Duration.ofSeconds(20));
        otherReplica.tick();
        assertThat(secondOfAuth.sent).containsExactly("POST");
        assertThat(stored(campaign).state()).isEqualTo(CampaignState.SENDING);
    }
}
