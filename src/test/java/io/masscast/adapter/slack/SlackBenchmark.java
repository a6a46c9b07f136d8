package io.masscast.adapter.slack;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.masscast.app.RunningMasscast;
import io.masscast.http.HttpServer;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RateLimitPlan;
import io.masscast.simulator.RecordedRequest;
import io.masscast.simulator.SimulatorConfig;
import io.masscast.testing.BenchReport;
import io.masscast.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Figures 1 to 3 of BENCHMARKS.md, everything on loopback in this process: the OFAuth simulator (no rate limit, so
 * that only masscast's own work is measured), the fake Slack Web API, and signed Slack requests over real HTTP.
 *
 * <ol>
 *   <li>Ack latency of {@code /masscast help}, {@code /masscast list} in a channel with 1,000 campaigns, and an
 *       Approve click, at 1, 16 and 64 concurrent clients, beside a bare Bolt app on the same HTTP adapter
 *       ({@link SlackEventsHandler} on {@link HttpServer}) that only acks.</li>
 *   <li>Click to OFAuth: from an Approve click to the simulator receiving the POST.</li>
 *   <li>Click to card: from the click to the first card update at the fake Slack that shows the approval.</li>
 * </ol>
 * Figures 2 and 3 are measured beside the same masscast with its jobs only polling (submitter every 500 ms, outbox
 * every 300 ms), as before they were woken. Rounds alternate between the two; the figures are medians of rounds.
 *
 * <p>Three masscasts run here, each with its own SQLite file: one takes figure 1's thousands of campaigns (its outbox
 * works through their cards at Slack's pace, one post a second per channel, meanwhile), and two clean ones take the
 * clicks of figures 2 and 3, with and without wake-ups. Those clicks come one at a time, at most one every
 * {@link #CLICK_SPACING} on each masscast, so that the card updates stay within Slack's chat.update budget (50 a
 * minute), which masscast keeps to. The campaigns are scheduled a day ahead: the POST and the card updates are those
 * of any approval, and the stats poller has nothing to follow meanwhile.
 */
public final class SlackBenchmark {
    private static final String LIST_CHANNEL = "C0LIST";
    private static final String CLICK_CHANNEL = "C0CLICK";
    private static final String WAKE_CHANNEL = "C0WAKE";
    private static final String POLL_CHANNEL = "C0POLL";
    private static final int ROUNDS = 3;
    private static final int[] CLIENTS = {1, 16, 64};
    private static final int ACKS_PER_ROUND = 128;
    private static final int LIST_CAMPAIGNS = 1_000;
    private static final int CLICKS_PER_ROUND = 8;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** For the cards of thousands of campaigns composed at once: the outbox posts them one after another. */
    private static final Duration SEEDING_PATIENCE = Duration.ofMinutes(10);

    private static final Duration CLICK_SPACING = Duration.ofMillis(2_500);
    private static final String SCHEDULED = "at=\"in 20h\"";
    private static final double ACK_RATIO_TARGET = 1.2;
    private static final Pattern APPROVED = Pattern.compile("^You approved MC-\\d+");

    private final BenchReport report;
    private final OfAuthSimulator simulator;
    private final SlackView view;
    private final SignedSlackClient client;
    private final int acking;
    private final int bare;
    private final int woken;
    private final int polling;

    private SlackBenchmark(
            BenchReport report,
            OfAuthSimulator simulator,
            FakeSlackApi slack,
            int acking,
            int bare,
            int woken,
            int polling) {
        this.report = report;
        this.simulator = simulator;
        this.view = new SlackView(slack);
        this.client = new SignedSlackClient(slack);
        this.acking = acking;
        this.bare = bare;
        this.woken = woken;
        this.polling = polling;
    }

    public static void main(String[] args) throws Exception {
        BenchReport report = BenchReport.forArgs(args, "slack");
        report.comment("Figures 1-3: Slack ack latency beside a bare Bolt app; click to OFAuth and click to card beside"
                + " polling only");
        report.machine();
        Path folder = Files.createTempDirectory("masscast-bench-slack-");
        try (OfAuthSimulator simulator = OfAuthSimulator.start(
                        SimulatorConfig.defaults().withPort(0).withRateLimit(RateLimitPlan.unlimited()));
                FakeSlackApi slack = new FakeSlackApi();
                RunningMasscast acking = RunningMasscast.start(
                        SlackBench.masscastEnv(
                                folder.resolve("acks.db"), simulator, slack, SlackBench.freePort(), false),
                        true);
                BareBolt bareBolt = new BareBolt(slack);
                RunningMasscast woken = RunningMasscast.start(
                        SlackBench.masscastEnv(
                                folder.resolve("woken.db"), simulator, slack, SlackBench.freePort(), false),
                        true);
                RunningMasscast pollingOnly = RunningMasscast.start(
                        SlackBench.masscastEnv(
                                folder.resolve("polling.db"), simulator, slack, SlackBench.freePort(), false),
                        false)) {
            SlackBenchmark bench = new SlackBenchmark(
                    report,
                    simulator,
                    slack,
                    acking.httpPort(),
                    bareBolt.port(),
                    woken.httpPort(),
                    pollingOnly.httpPort());
            bench.ackLatency();
            bench.clickToOfAuthAndCard();
        }
        report.write();
        System.exit(0); // Bolt's and OkHttp's pools are not all daemon threads
    }

    // ---- figure 1

    private void ackLatency() throws TimeoutException {
        SlackBench.bind(client, acking, LIST_CHANNEL, "conn_demo");
        SlackBench.bind(client, acking, CLICK_CHANNEL, "conn_demo2");
        report.comment("seeding " + LIST_CAMPAIGNS + " campaigns in the list channel");
        compose(acking, LIST_CHANNEL, LIST_CAMPAIGNS);
        int clicks = (ROUNDS + 1) * ACKS_PER_ROUND * CLIENTS.length;
        report.comment("seeding " + clicks + " campaigns to approve");
        Queue<JsonObject> approveButtons = new ConcurrentLinkedQueue<>(inParallel(
                compose(acking, CLICK_CHANNEL, clicks),
                humanId -> SlackBench.approveButton(client, view, acking, CLICK_CHANNEL, humanId)));
        JsonObject anyButton = approveButtons.peek();

        for (int clients : CLIENTS) {
            compare(
                    "help",
                    clients,
                    () -> client.slash(acking, LIST_CHANNEL, SlackBench.REQUESTER, "help"),
                    answer -> answer.body().contains("masscast commands:"),
                    () -> client.slash(bare, LIST_CHANNEL, SlackBench.REQUESTER, "help"));
            compare(
                    "list",
                    clients,
                    () -> client.slash(acking, LIST_CHANNEL, SlackBench.REQUESTER, "list"),
                    answer -> answer.body().contains("Recent campaigns for"),
                    () -> client.slash(bare, LIST_CHANNEL, SlackBench.REQUESTER, "list"));
            compare(
                    "approve",
                    clients,
                    () -> client.click(acking, CLICK_CHANNEL, SlackBench.APPROVER, approveButtons.remove()),
                    answer -> answerIs(answer, APPROVED),
                    () -> client.click(bare, CLICK_CHANNEL, SlackBench.APPROVER, anyButton));
        }
    }

    /** An approval is acked at once and answered privately through the response URL: wait for that answer. */
    private boolean answerIs(SignedSlackClient.Answer answer, Pattern expected) {
        try {
            return expected.matcher(view.awaitAnswer(answer.responseUrl(), PATIENCE))
                    .find();
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Rounds of masscast and the bare app in turn; the figures are the medians of the rounds' percentiles. */
    private void compare(
            String command,
            int clients,
            Supplier<SignedSlackClient.Answer> masscastRequest,
            Predicate<SignedSlackClient.Answer> masscastAnswered,
            Supplier<SignedSlackClient.Answer> bareRequest) {
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> bareP50 = new ArrayList<>();
        List<Double> bareP99 = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger bareErrors = new AtomicInteger();
        for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
            boolean bareFirst = round % 2 == 0;
            for (int turn = 0; turn < 2; turn++) {
                boolean isBare = bareFirst == (turn == 0);
                Samples samples = isBare
                        ? run(clients, bareRequest, answer -> true, bareErrors)
                        : run(clients, masscastRequest, masscastAnswered, errors);
                if (round > 0) {
                    (isBare ? bareP50 : p50).add(samples.percentileMs(50));
                    (isBare ? bareP99 : p99).add(samples.percentileMs(99));
                }
            }
        }
        String name = "ack_" + command + "_c" + clients;
        double ratio = Samples.median(p99) / Samples.median(bareP99);
        report.bench(name + "_p50", Samples.median(p50), "ms");
        report.bench(name + "_p99", Samples.median(p99), "ms");
        report.bench("bare_" + name + "_p50", Samples.median(bareP50), "ms");
        report.bench("bare_" + name + "_p99", Samples.median(bareP99), "ms");
        report.bench(name + "_p99_ratio", ratio, "x bare");
        report.bench(name + "_errors", errors.get(), "errors");
        report.bench("bare_" + name + "_errors", bareErrors.get(), "errors");
        report.target(
                "1 ack p99 " + command + ", " + clients + " client" + (clients == 1 ? "" : "s"),
                BenchReport.number(ratio) + "x bare (" + BenchReport.number(Samples.median(p99)) + " vs "
                        + BenchReport.number(Samples.median(bareP99)) + " ms), " + errors.get() + " errors",
                "<= " + ACK_RATIO_TARGET + "x, 0 errors",
                ratio <= ACK_RATIO_TARGET && errors.get() == 0);
    }

    /** {@link #ACKS_PER_ROUND} requests from {@code clients} threads at once; an answer that is not right is an error. */
    private static Samples run(
            int clients,
            Supplier<SignedSlackClient.Answer> request,
            Predicate<SignedSlackClient.Answer> answered,
            AtomicInteger errors) {
        Samples samples = new Samples();
        Queue<SignedSlackClient.Answer> done = new ConcurrentLinkedQueue<>();
        AtomicInteger left = new AtomicInteger(ACKS_PER_ROUND);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            threads.execute(() -> {
                awaitQuietly(start);
                while (left.getAndDecrement() > 0) {
                    try {
                        SignedSlackClient.Answer answer = request.get();
                        samples.add(answer.nanos());
                        done.add(answer);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        start.countDown();
        threads.shutdown();
        awaitTermination(threads);
        for (SignedSlackClient.Answer answer : done) { // after the round: checking an answer may wait for it
            if (answer.status() != 200 || !answered.test(answer)) {
                errors.incrementAndGet();
            }
        }
        return samples;
    }

    // ---- figures 2 and 3

    private void clickToOfAuthAndCard() throws TimeoutException {
        SlackBench.bind(client, woken, WAKE_CHANNEL, "conn_demo");
        SlackBench.bind(client, polling, POLL_CHANNEL, "conn_demo2");
        int clicks = (ROUNDS + 1) * CLICKS_PER_ROUND;
        List<String> wokenIds = compose(woken, WAKE_CHANNEL, clicks);
        List<String> polledIds = compose(polling, POLL_CHANNEL, clicks); // both outboxes post their cards meanwhile
        Queue<Pending> wokenCampaigns = pending(WAKE_CHANNEL, wokenIds);
        Queue<Pending> polledCampaigns = pending(POLL_CHANNEL, polledIds);
        Map<Boolean, List<Double>> post50 = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
        Map<Boolean, List<Double>> post99 = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
        Map<Boolean, List<Double>> card50 = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
        Map<Boolean, List<Double>> card99 = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
        for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
            Map<Boolean, Samples> toPost = Map.of(true, new Samples(), false, new Samples());
            Map<Boolean, Samples> toCard = Map.of(true, new Samples(), false, new Samples());
            for (int i = 0; i < CLICKS_PER_ROUND; i++) {
                long spaced = System.nanoTime() + CLICK_SPACING.toNanos();
                for (int turn = 0; turn < 2; turn++) { // each masscast in turn, the first changing every round
                    boolean wakeUps = (round % 2 == 0) == (turn == 0);
                    click(
                            wakeUps ? woken : polling,
                            (wakeUps ? wokenCampaigns : polledCampaigns).remove(),
                            toPost.get(wakeUps),
                            toCard.get(wakeUps));
                }
                sleepQuietly(Math.max(0, (spaced - System.nanoTime()) / 1_000_000));
            }
            if (round > 0) {
                for (boolean wakeUps : new boolean[] {true, false}) {
                    post50.get(wakeUps).add(toPost.get(wakeUps).percentileMs(50));
                    post99.get(wakeUps).add(toPost.get(wakeUps).percentileMs(99));
                    card50.get(wakeUps).add(toCard.get(wakeUps).percentileMs(50));
                    card99.get(wakeUps).add(toCard.get(wakeUps).percentileMs(99));
                }
            }
        }
        double postP99 = Samples.median(post99.get(true));
        double cardP99 = Samples.median(card99.get(true));
        report.bench("click_to_ofauth_p50", Samples.median(post50.get(true)), "ms");
        report.bench("click_to_ofauth_p99", postP99, "ms");
        report.bench("polling_click_to_ofauth_p50", Samples.median(post50.get(false)), "ms");
        report.bench("polling_click_to_ofauth_p99", Samples.median(post99.get(false)), "ms");
        report.bench("click_to_ofauth_p99_ratio", postP99 / Samples.median(post99.get(false)), "x polling");
        report.bench("click_to_card_p50", Samples.median(card50.get(true)), "ms");
        report.bench("click_to_card_p99", cardP99, "ms");
        report.bench("polling_click_to_card_p50", Samples.median(card50.get(false)), "ms");
        report.bench("polling_click_to_card_p99", Samples.median(card99.get(false)), "ms");
        report.bench("click_to_card_p99_ratio", cardP99 / Samples.median(card99.get(false)), "x polling");
        report.target(
                "2 click to OFAuth p99",
                BenchReport.number(postP99) + " ms (polling only: "
                        + BenchReport.number(Samples.median(post99.get(false))) + " ms)",
                "< 100 ms",
                postP99 < 100);
        report.target(
                "3 click to card p99",
                BenchReport.number(cardP99) + " ms (polling only: "
                        + BenchReport.number(Samples.median(card99.get(false))) + " ms)",
                "< 300 ms",
                cardP99 < 300);
    }

    /** A campaign waiting for approval: its id, its (unique) text and its card's Approve button. */
    private record Pending(String channel, String humanId, String text, JsonObject approve) {}

    /** The campaigns composed in {@code channel}, once the outbox has posted all their cards. */
    private Queue<Pending> pending(String channel, List<String> ids) throws TimeoutException {
        Queue<Pending> pending = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < ids.size(); i++) {
            pending.add(new Pending(
                    channel,
                    ids.get(i),
                    text(channel, i),
                    view.awaitApproveButton(channel, ids.get(i), SEEDING_PATIENCE)));
        }
        return pending;
    }

    /** One click, alone: when the simulator got the POST, and when the card first showed the approval. */
    private void click(int port, Pending campaign, Samples toPost, Samples toCard) throws TimeoutException {
        simulator.clearRequests();
        Instant clickedAt = Instant.now();
        long clicked = System.nanoTime();
        SignedSlackClient.Answer answer =
                client.click(port, campaign.channel(), SlackBench.APPROVER, campaign.approve());
        if (answer.status() != 200) {
            throw new IllegalStateException("the click on " + campaign.humanId() + " got " + answer.status());
        }
        RecordedRequest post = awaitPost(campaign.text());
        toPost.add(Duration.between(clickedAt, post.receivedAt()).toNanos());
        SlackView.Showing shown = view.awaitShowing(
                campaign.channel(),
                campaign.humanId(),
                clicked,
                headline -> !headline.equals("awaiting approval"),
                PATIENCE);
        toCard.add(shown.atNanos() - clicked);
        // the card ends as OFAuth's answer left it: only then the next click
        view.awaitShowing(campaign.channel(), campaign.humanId(), clicked, h -> h.equals("scheduled"), PATIENCE);
    }

    private RecordedRequest awaitPost(String text) throws TimeoutException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RecordedRequest> post = simulator.requests().stream()
                    .filter(r -> r.method().equals("POST")
                            && r.path().equals("/v2/access/mass-messages")
                            && r.body() != null
                            && r.body().contains(text))
                    .findFirst();
            if (post.isPresent()) {
                return post.get();
            }
            sleepQuietly(1);
        }
        throw new TimeoutException("the simulator got no POST of \"" + text + "\"");
    }

    // ---- seeding

    private static String text(String channel, int i) {
        return "Bench " + channel + " " + i;
    }

    /** {@code count} campaigns composed in {@code channel}, scheduled a day ahead; their ids in order of text. */
    private List<String> compose(int port, String channel, int count) {
        List<Integer> numbers = IntStream.range(0, count).boxed().toList();
        return inParallel(numbers, i -> SlackBench.compose(client, view, port, channel, text(channel, i), SCHEDULED));
    }

    /** {@code work} on each input by 8 threads at once; the results in the order of the inputs. */
    private static <T, R> List<R> inParallel(List<T> inputs, Function<T, R> work) {
        Object[] results = new Object[inputs.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            threads.execute(() -> {
                for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
                    try {
                        results[i] = work.apply(inputs.get(i));
                    } catch (RuntimeException e) {
                        System.err.println("benchmark request " + i + " failed: " + e);
                    }
                }
            });
        }
        threads.shutdown();
        awaitTermination(threads);
        List<R> done = new ArrayList<>();
        for (Object result : results) {
            if (result == null) {
                throw new IllegalStateException("a seeding step failed (see the log)");
            }
            @SuppressWarnings("unchecked")
            R typed = (R) result;
            done.add(typed);
        }
        return done;
    }

    private static void awaitTermination(ExecutorService threads) {
        try {
            if (!threads.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("benchmark threads did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A Bolt app that only acks, served like masscast's: {@link SlackEventsHandler} on the app's {@link HttpServer}. */
    private static final class BareBolt implements AutoCloseable {
        private final App app;
        private final HttpServer server;

        BareBolt(FakeSlackApi slack) {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(slack.apiUrl());
            config.setStatsEnabled(false);
            app = new App(AppConfig.builder()
                    .slack(Slack.getInstance(config))
                    .singleTeamBotToken(SlackTestBed.BOT_TOKEN)
                    .signingSecret(SlackTestBed.SIGNING_SECRET)
                    .clientId(null)
                    .clientSecret(null)
                    .build());
            app.command(SlashCommandListener.COMMAND, (request, ctx) -> ctx.ack());
            app.blockAction(CardButtonListener.ANY_ACTION, (request, ctx) -> ctx.ack());
            app.start();
            server = new HttpServer(0, List::of); // no part to be ready
            server.post("/slack/events", new SlackEventsHandler(app, () -> true));
            server.start();
        }

        int port() {
            return server.port();
        }

        @Override
        public void close() {
            server.close();
            app.stop();
        }
    }
}
