package io.masscast.ofauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.masscast.core.model.Audience;
import io.masscast.core.model.ConnectionInfo;
import io.masscast.core.model.CreatorProfile;
import io.masscast.core.model.DeletedMessage;
import io.masscast.core.model.Fan;
import io.masscast.core.model.FanList;
import io.masscast.core.model.MassMessage;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageChart;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.MessageDetails;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.model.Page;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.model.SentWindow;
import io.masscast.core.model.SubscriptionCounts;
import io.masscast.core.model.VaultMedia;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthFailure.BadPayload;
import io.masscast.core.port.OfAuthFailure.Forbidden;
import io.masscast.core.port.OfAuthFailure.InvalidRequest;
import io.masscast.core.port.OfAuthFailure.NetworkError;
import io.masscast.core.port.OfAuthFailure.NotFound;
import io.masscast.core.port.OfAuthFailure.RateLimited;
import io.masscast.core.port.OfAuthFailure.Unauthenticated;
import io.masscast.simulator.Fault;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RateLimitPlan;
import io.masscast.simulator.RecordedRequest;
import io.masscast.simulator.SimulatorConfig;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the OFAuth simulator over real HTTP: paging, the rate limit, a create whose answer is
 * lost, and OFAuth's refusals. Real clock, real (short) waits.
 */
class OfAuthClientSimulatorTest {

    private static final String DEMO = "conn_demo";
    private static final String CUSTOM_LIST = "1187345";
    private static final String DO_NOT_PPV = "1190022";
    private static final String MASS_MESSAGES = "/v2/access/mass-messages";

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private OfAuthSimulator simulator;
    private OfAuthClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /** A small world with a generous OFAuth limit, so functional tests never wait for tokens. */
    private void start() {
        start(new RateLimitPlan.TokenBucket(1_000, 60_000), Duration.ofSeconds(2));
    }

    private void start(RateLimitPlan.TokenBucket plan, Duration readTimeout) {
        simulator = OfAuthSimulator.start(
                SimulatorConfig.defaults().withFansPerConnection(400).withRateLimit(plan));
        OfAuthClientConfig config = OfAuthClientConfig.defaults(simulator.apiKey())
                .withBaseUrl(simulator.baseUrl())
                .withTimeouts(
                        new OfAuthClientConfig.Timeouts(Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(2)))
                .withRateLimit(new OfAuthClientConfig.RateLimit(
                        plan.burst(),
                        plan.refillPerMinute(),
                        Duration.ofMinutes(1),
                        plan.burst() / 2,
                        2,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(1)))
                .withRetry(new OfAuthClientConfig.Retry(
                        3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5)));
        client = OfAuthClient.create(config, Clock.systemUTC(), duration -> {
            waits.add(duration);
            Sleeper.system().sleep(duration);
        });
    }

    /** Follows a cursor to the end; fails instead of looping if paging would not terminate. */
    private static <T> List<T> drain(Function<Optional<Long>, Page<T>> fetch) {
        List<T> all = new ArrayList<>();
        Optional<Long> cursor = Optional.empty();
        for (int pages = 0; pages < 1_000; pages++) {
            Page<T> page = fetch.apply(cursor);
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                return all;
            }
            cursor = page.next();
        }
        throw new AssertionError("paging did not end after 1000 pages");
    }

    private static long offset(Optional<Long> cursor) {
        return cursor.orElse(0L);
    }

    private List<RecordedRequest> posts() {
        return simulator.requests().stream()
                .filter(request ->
                        request.method().equals("POST") && request.path().equals(MASS_MESSAGES))
                .toList();
    }

    private static MassMessage immediate(String text) {
        return new MassMessage(
                MessageContent.text(text),
                new Audience(List.of(), List.of("fans"), List.of(DO_NOT_PPV), Optional.empty()),
                Optional.empty());
    }

    @Test
    void everyPagedEndpointPagesToTheEnd() {
        start();
        CallPriority p = CallPriority.BACKGROUND;

        List<FanList> lists = drain(c -> client.userLists(DEMO, Optional.empty(), 3, offset(c), p));
        FanList custom = client.userList(DEMO, CUSTOM_LIST, p);
        List<Fan> members = drain(c -> client.listMembers(DEMO, CUSTOM_LIST, 4, offset(c), p));
        List<VaultMedia> vault = drain(c -> client.vaultMedia(DEMO, 40, offset(c), p));
        List<SentMessageStats> purchased = drain(c -> client.purchasedMessages(DEMO, 5, offset(c), p));
        SentMessageStats bestSeller = purchased.stream()
                .max((a, b) -> Long.compare(a.purchasedCount(), b.purchasedCount()))
                .orElseThrow();
        List<Fan> buyers = drain(marker -> client.buyers(DEMO, bestSeller.id(), marker, 3, p));
        List<ConnectionInfo> connections = drain(c -> client.connections(Optional.empty(), 1, offset(c)));

        assertThat(lists)
                .extracting(FanList::id)
                .doesNotHaveDuplicates()
                .hasSize(11)
                .contains("fans", CUSTOM_LIST);
        assertThat(client.allUserLists(DEMO, p)).isEqualTo(lists);
        assertThat(members)
                .extracting(Fan::id)
                .doesNotHaveDuplicates()
                .hasSize(custom.usersCount().orElseThrow().intValue());
        assertThat(vault).extracting(VaultMedia::id).doesNotHaveDuplicates().hasSize(120);
        assertThat(purchased).isNotEmpty().allMatch(stats -> stats.purchasedCount() > 0);
        assertThat(bestSeller.purchasedCount()).isGreaterThan(3);
        assertThat(buyers).extracting(Fan::id).doesNotHaveDuplicates().hasSize((int) bestSeller.purchasedCount());
        assertThat(connections)
                .extracting(ConnectionInfo::id)
                .containsExactly("conn_demo", "conn_demo2", "conn_readonly");
    }

    @Test
    void everyOtherEndpointReadsTheSimulatedAccount() {
        start();
        CallPriority p = CallPriority.INTERACTIVE;
        Instant now = simulator.clock().now();

        List<SentMessageStats> sent = client.sentMessages(DEMO, now.minus(Duration.ofDays(61)), now, 100, p);
        MessageDetails details = client.massMessage(DEMO, sent.get(0).id(), p);
        MessageChart chart = client.chart(DEMO, now.minus(Duration.ofDays(6)), now, p);
        SubscriptionCounts counts = client.subscriptionCounts(DEMO, p);
        CreatorProfile self = client.self(DEMO, p);
        FanList fans = client.userList(DEMO, "fans", p);

        assertThat(sent)
                .hasSizeGreaterThan(20)
                .isSortedAccordingTo((a, b) -> b.date().compareTo(a.date()));
        assertThat(details.id()).isEqualTo(sent.get(0).id());
        assertThat(details.text())
                .as("GET returns OnlyFans' HTML")
                .startsWith("<p>")
                .endsWith("</p>");
        assertThat(chart.groupMessages().points()).hasSize(7);
        assertThat(chart.directMessages().points()).hasSize(7);
        assertThat(counts.all()).isEqualTo(400);
        assertThat(counts.active() + counts.expired()).isEqualTo(400);
        assertThat(fans.usersCount()).contains(counts.active());
        assertThat(self).isEqualTo(new CreatorProfile("88123401", "milarose", "Mila Rose", true));
        assertThat(client.whoami().id()).isEqualTo("org_sim_demo");
    }

    @Test
    void aScheduledMessageIsCreatedReplacedAndCancelledWithExactlyTheRequestsExpected() {
        start();
        long mediaId = client.vaultMedia(DEMO, 2, 0, CallPriority.INTERACTIVE)
                .items()
                .get(0)
                .id();
        Instant sendAt = simulator.clock().now().plus(Duration.ofHours(2));
        MassMessage scheduled = new MassMessage(
                new MessageContent(
                        "Weekend bundle 🔥",
                        true,
                        false,
                        List.of(MediaItem.vault(mediaId)),
                        1,
                        new BigDecimal("12.50")),
                new Audience(List.of(), List.of("fans"), List.of(DO_NOT_PPV), Optional.empty()),
                Optional.of(sendAt));

        MessageReceipt created = client.createMassMessage(DEMO, scheduled, () -> {});
        MessageReceipt replaced = client.replaceMassMessage(
                DEMO,
                created.id(),
                new MassMessage(
                        MessageContent.text("Weekend bundle, now free"), scheduled.audience(), scheduled.scheduledAt()),
                () -> {});
        MessageDetails afterReplace = client.massMessage(DEMO, created.id(), CallPriority.INTERACTIVE);
        DeletedMessage deleted = client.deleteMassMessage(DEMO, created.id());

        assertThat(created.done()).isFalse();
        assertThat(replaced.id()).isEqualTo(created.id());
        assertThat(afterReplace.text()).contains("Weekend bundle, now free");
        assertThat(afterReplace.free()).isTrue();
        assertThat(deleted.success()).isTrue();
        assertThat(deleted.message())
                .hasValueSatisfying(message -> assertThat(message.canceled()).isTrue());
        assertThat(posts())
                .singleElement()
                .satisfies(post -> assertThat(WireFixture.parse(post.body()))
                        .isEqualTo(WireFixture.parse(
                                "{\"text\": \"Weekend bundle 🔥\", \"isMarkdown\": true, \"isLockedText\": false,"
                                        + " \"mediaItems\": [" + mediaId
                                        + "], \"previewMediaCount\": 1, \"price\": 12.50,"
                                        + " \"userLists\": [\"fans\"], \"excludeUserLists\": [" + DO_NOT_PPV + "],"
                                        + " \"scheduledDate\": \"" + OfAuthDates.format(sendAt) + "\"}")));
        assertThat(simulator.requests())
                .extracting(RecordedRequest::method)
                .containsSubsequence("POST", "PUT", "GET", "DELETE");
    }

    @Test
    @SuppressWarnings("FutureReturnValueIgnored") // failures are collected in the list
    void aBurstOf200ReadsStaysUnderTheLimitAndNo429ReachesAnyone() throws Exception {
        start(new RateLimitPlan.TokenBucket(20, 3_000), Duration.ofSeconds(2));
        int threads = 8;
        int callsPerThread = 25;
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < callsPerThread; i++) {
                    try {
                        client.subscriptionCounts(DEMO, CallPriority.INTERACTIVE);
                    } catch (OfAuthFailure failure) {
                        failures.add(failure);
                    }
                }
                return null;
            });
        }

        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(simulator.requests())
                .as("one request per call: nothing was refused and retried")
                .hasSize(200);
        assertThat(waits).as("the client paced itself").isNotEmpty();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsOutcomeUnknownWasPostedOnceAndIsFoundAfterwards() {
        start();
        simulator.faults().add(Fault.dropAfterCreate());
        String text = "Flash sale for the next 24h only " + UUID.randomUUID();
        Instant before = simulator.clock().now();

        NetworkError failure = catchThrowableOfType(
                NetworkError.class, () -> client.createMassMessage(DEMO, immediate(text), () -> {}));
        SentWindow sent = client.sentBetween(
                DEMO, before.minusSeconds(1), simulator.clock().now(), CallPriority.INTERACTIVE);

        assertThat(failure.mayHaveTakenEffect()).isTrue();
        assertThat(failure.getMessage()).contains("outcome unknown");
        assertThat(posts()).hasSize(1);
        assertThat(sent.complete()).isTrue();
        assertThat(sent.messages()).extracting(SentMessageStats::text).containsExactly(text);
    }

    @Test
    void aCreateThatTimedOutAfterOfAuthCreatedItIsOutcomeUnknownAndIsFoundAfterwards() {
        start(new RateLimitPlan.TokenBucket(1_000, 60_000), Duration.ofMillis(300));
        simulator.faults().add(Fault.latency("POST", MASS_MESSAGES, Duration.ofMillis(1_500)));
        String text = "New video just dropped\n12 minutes & <3, unlock now " + UUID.randomUUID();
        Instant before = simulator.clock().now();

        NetworkError failure = catchThrowableOfType(
                NetworkError.class, () -> client.createMassMessage(DEMO, immediate(text), () -> {}));

        assertThat(failure.mayHaveReachedOfAuth()).isTrue();
        assertThat(posts()).hasSize(1);
        assertThat(client.sentBetween(
                                DEMO, before.minusSeconds(1), simulator.clock().now(), CallPriority.INTERACTIVE)
                        .messages())
                .extracting(SentMessageStats::text)
                .containsExactly(text);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void ofAuthsRefusalsBecomeTypedFailures() {
        start();
        long unknownId = 1;
        MassMessage tooCheap = new MassMessage(
                new MessageContent("PPV", true, false, List.of(), 0, new BigDecimal("1.50")),
                Audience.ofLists("fans"),
                Optional.empty());

        NotFound notFound = catchThrowableOfType(
                NotFound.class, () -> client.massMessage(DEMO, unknownId, CallPriority.INTERACTIVE));
        InvalidRequest invalid =
                catchThrowableOfType(InvalidRequest.class, () -> client.createMassMessage(DEMO, tooCheap, () -> {}));
        Forbidden forbidden = catchThrowableOfType(
                Forbidden.class, () -> client.createMassMessage("conn_readonly", immediate("hi"), () -> {}));
        simulator.expireConnection("conn_demo2");
        Unauthenticated expired =
                catchThrowableOfType(Unauthenticated.class, () -> client.self("conn_demo2", CallPriority.INTERACTIVE));

        assertThat(notFound.mayHaveTakenEffect()).isFalse();
        assertThat(invalid.reason()).contains("price");
        assertThat(forbidden.mayHaveTakenEffect()).isFalse();
        assertThat(expired.sessionExpired()).isTrue();
        assertThat(posts()).hasSize(2);
    }

    @Test
    void transientFaultsAreRetriedForReadsButACreateIsNeverRepeated() {
        start();
        simulator.faults().add(Fault.nonJsonError("GET", "/v2/access/self", 502));
        simulator.faults().add(Fault.rateLimitStorm(1));
        simulator.faults().add(Fault.status("POST", MASS_MESSAGES, 503));
        simulator.faults().add(Fault.malformedJson("POST", MASS_MESSAGES));

        CreatorProfile self = client.self(DEMO, CallPriority.INTERACTIVE);
        OfAuthFailure unavailable = catchThrowableOfType(
                OfAuthFailure.class, () -> client.createMassMessage(DEMO, immediate("a"), () -> {}));
        BadPayload unreadable =
                catchThrowableOfType(BadPayload.class, () -> client.createMassMessage(DEMO, immediate("b"), () -> {}));

        assertThat(self.authenticated()).isTrue();
        assertThat(simulator.requests().stream().filter(r -> r.path().equals("/v2/access/self")))
                .hasSize(3);
        assertThat(unavailable.mayHaveTakenEffect()).isTrue();
        assertThat(unreadable.mayHaveTakenEffect()).isTrue();
        assertThat(posts()).hasSize(2);
        assertThat(new HashSet<>(waits)).isNotEmpty();
    }

    @Test
    void a429StormMakesACreateRateLimitedWithoutRepeatingIt() {
        start();
        simulator.faults().add(Fault.rateLimitStorm(1));

        RateLimited limited =
                catchThrowableOfType(RateLimited.class, () -> client.createMassMessage(DEMO, immediate("c"), () -> {}));

        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(limited.mayHaveTakenEffect()).isFalse();
        assertThat(posts()).hasSize(1);
    }
}
