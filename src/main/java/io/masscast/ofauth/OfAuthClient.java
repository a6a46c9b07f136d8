package io.masscast.ofauth;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.masscast.core.model.AccountInfo;
import io.masscast.core.model.ConnectionInfo;
import io.masscast.core.model.CreatorProfile;
import io.masscast.core.model.DeletedMessage;
import io.masscast.core.model.Fan;
import io.masscast.core.model.FanList;
import io.masscast.core.model.MassMessage;
import io.masscast.core.model.MessageChart;
import io.masscast.core.model.MessageDetails;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.model.Page;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.model.SentWindow;
import io.masscast.core.model.SubscriptionCounts;
import io.masscast.core.model.UploadPlan;
import io.masscast.core.model.UploadedMedia;
import io.masscast.core.model.VaultMedia;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthFailure.BadPayload;
import io.masscast.core.port.OfAuthFailure.NetworkError;
import io.masscast.core.port.OfAuthFailure.RateLimited;
import io.masscast.core.port.OfAuthFailure.Unauthenticated;
import io.masscast.core.port.OfAuthGateway;
import io.masscast.core.port.RequestStartHook;
import io.masscast.ofauth.Operation.Kind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The OFAuth gateway over HTTP. Every call spends its connection's rate limit by priority (see
 * {@link ConnectionRateLimiter}); reads, PUT and DELETE are retried on transient failures with jittered
 * exponential backoff; a create is retried only when it provably never left this process. Every failure
 * reaches the caller as exactly one {@link OfAuthFailure}. Thread-safe; {@link #close()} releases OkHttp's
 * threads and connections.
 */
public final class OfAuthClient implements OfAuthGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OfAuthClient.class);
    private static final int SENT_PAGE_SIZE = 100;
    /** A bound on one search's calls: with a page of 100, enough for thousands of messages in the window. */
    private static final int MAX_SENT_PAGES = 64;

    private final OkHttpClient http;
    private final OfAuthApi api;
    private final ConnectionRateLimiter limiter;
    private final FailureMapper failures;
    private final OfAuthClientConfig.Retry retry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final OfAuthObserver observer;
    private volatile Consumer<String> sessionExpired = connectionId -> {};

    private OfAuthClient(
            OfAuthClientConfig config,
            Clock clock,
            Sleeper sleeper,
            OkHttpClient base,
            RateBudget budget,
            OfAuthObserver observer) {
        Moshi moshi = OfAuthJson.moshi();
        this.http = base.newBuilder()
                .connectTimeout(config.timeouts().connect())
                .readTimeout(config.timeouts().read())
                .writeTimeout(config.timeouts().write())
                // OkHttp would otherwise silently repeat a request after some connection failures: a double send.
                .retryOnConnectionFailure(false)
                // A redirect would replay a write, and would carry the apiKey header to whatever host it names.
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(new ApiKeyInterceptor(config.apiKey()))
                .addInterceptor(new TransmissionTracker())
                .addNetworkInterceptor(TransmissionTracker.networkMarker())
                .build();
        this.api = new Retrofit.Builder()
                .baseUrl(config.httpBaseUrl())
                .client(http)
                .addConverterFactory(MoshiConverterFactory.create(moshi))
                .build()
                .create(OfAuthApi.class);
        this.limiter = new ConnectionRateLimiter(config.rateLimit(), budget, clock, sleeper, observer);
        this.observer = observer;
        this.failures =
                new FailureMapper(moshi, config.apiKey(), config.rateLimit().defaultRetryAfter());
        this.retry = config.retry();
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static OfAuthClient create(OfAuthClientConfig config) {
        return create(config, Clock.systemUTC(), Sleeper.system());
    }

    /** With the clock and sleeper that drive rate-limit waits and retry backoff (tests pass fakes). */
    public static OfAuthClient create(OfAuthClientConfig config, Clock clock, Sleeper sleeper) {
        return create(config, clock, sleeper, new OkHttpClient());
    }

    /**
     * With where the connections' rate budgets live (this process, or a database shared by the replicas) and who
     * hears about each call and each wait for the rate limit (metrics).
     */
    public static OfAuthClient create(
            OfAuthClientConfig config, Clock clock, RateBudget budget, OfAuthObserver observer) {
        return new OfAuthClient(config, clock, Sleeper.system(), new OkHttpClient(), budget, observer);
    }

    /** With a base OkHttp client, for tests that need to fail DNS or sockets on purpose. */
    static OfAuthClient create(OfAuthClientConfig config, Clock clock, Sleeper sleeper, OkHttpClient base) {
        return new OfAuthClient(config, clock, sleeper, base, RateBudget.inProcess(clock), OfAuthObserver.NONE);
    }

    @Override
    public MessageReceipt createMassMessage(String connectionId, MassMessage message, RequestStartHook onRequestStart) {
        Objects.requireNonNull(onRequestStart, "onRequestStart");
        Operation op = Operation.access("create mass message", connectionId, CallPriority.SEND, Kind.CREATE);
        MassMessageRequestJson body = MassMessageRequestJson.from(message);
        return map(
                op,
                call(op, () -> api.createMassMessage(connectionId, body, onRequestStart)),
                json -> json.toReceipt(clock.instant()));
    }

    @Override
    public MessageReceipt replaceMassMessage(
            String connectionId, long messageId, MassMessage message, RequestStartHook onRequestStart) {
        Objects.requireNonNull(onRequestStart, "onRequestStart");
        Operation op =
                Operation.access("replace mass message " + messageId, connectionId, CallPriority.SEND, Kind.WRITE);
        MassMessageRequestJson body = MassMessageRequestJson.from(message);
        return map(
                op,
                call(op, () -> api.replaceMassMessage(connectionId, messageId, body, onRequestStart)),
                json -> json.toReceipt(clock.instant()));
    }

    @Override
    public DeletedMessage deleteMassMessage(String connectionId, long messageId) {
        Operation op =
                Operation.access("delete mass message " + messageId, connectionId, CallPriority.SEND, Kind.WRITE);
        try {
            DeleteResultJson json = call(op, () -> api.deleteMassMessage(connectionId, messageId));
            return json == null
                    ? new DeletedMessage(true, Optional.empty())
                    : map(op, json, DeleteResultJson::toDeleted);
        } catch (BadPayload unreadable) {
            // only a 2xx has a body to misread: the delete was done, only its details are lost
            log.warn("OFAuth {} ({}): done, but its answer could not be read", op.name(), connectionId);
            return new DeletedMessage(true, Optional.empty());
        }
    }

    @Override
    public MessageDetails massMessage(String connectionId, long messageId, CallPriority priority) {
        Operation op = Operation.access("get mass message " + messageId, connectionId, priority, Kind.READ);
        return map(op, call(op, () -> api.massMessage(connectionId, messageId)), MassMessageJson::toDetails);
    }

    @Override
    public List<SentMessageStats> sentMessages(
            String connectionId, Instant from, Instant to, int limit, CallPriority priority) {
        Operation op = Operation.access("list sent mass messages", connectionId, priority, Kind.READ);
        return newestFirst(op, sentPage(op, from, to, limit));
    }

    @Override
    public Page<SentMessageStats> purchasedMessages(
            String connectionId, int limit, long offset, CallPriority priority) {
        Operation op = Operation.access("list purchased mass messages", connectionId, priority, Kind.READ);
        ListingJson<MassMessageJson> json = call(op, () -> api.purchasedMessages(connectionId, limit, offset));
        return page(op, json, MassMessageJson::toStats, listing -> listing.nextOffset(offset));
    }

    @Override
    public Page<Fan> buyers(
            String connectionId, long messageId, Optional<Long> marker, int limit, CallPriority priority) {
        Operation op = Operation.access("list buyers of mass message " + messageId, connectionId, priority, Kind.READ);
        ListingJson<UserJson> json = call(op, () -> api.buyers(connectionId, messageId, limit, marker.orElse(null)));
        return page(op, json, UserJson::toFan, listing -> listing.nextMarker(marker));
    }

    @Override
    public MessageChart chart(String connectionId, Instant from, Instant to, CallPriority priority) {
        Operation op = Operation.access("get mass message chart", connectionId, priority, Kind.READ);
        String start = OfAuthDates.format(from);
        String end = OfAuthDates.format(OfAuthDates.ceilingSecond(to));
        return map(op, call(op, () -> api.chart(connectionId, start, end)), ChartJson::toChart);
    }

    @Override
    public Page<FanList> userLists(
            String connectionId, Optional<String> query, int limit, long offset, CallPriority priority) {
        Operation op = Operation.access("list user lists", connectionId, priority, Kind.READ);
        ListingJson<UserListJson> json = call(op, () -> api.userLists(connectionId, limit, offset, query.orElse(null)));
        return page(op, json, UserListJson::toFanList, listing -> listing.nextOffset(offset));
    }

    @Override
    public FanList userList(String connectionId, String listId, CallPriority priority) {
        Operation op = Operation.access("get user list " + listId, connectionId, priority, Kind.READ);
        return map(op, call(op, () -> api.userList(connectionId, listId)), UserListJson::toFanList);
    }

    @Override
    public Page<Fan> listMembers(String connectionId, String listId, int limit, long offset, CallPriority priority) {
        Operation op = Operation.access("list members of user list " + listId, connectionId, priority, Kind.READ);
        ListingJson<UserJson> json = call(op, () -> api.listMembers(connectionId, listId, limit, offset));
        return page(op, json, UserJson::toFan, listing -> listing.nextOffset(offset));
    }

    @Override
    public SubscriptionCounts subscriptionCounts(String connectionId, CallPriority priority) {
        Operation op = Operation.access("get subscription counts", connectionId, priority, Kind.READ);
        return map(op, call(op, () -> api.subscriptionCounts(connectionId)), SubscriptionCountJson::toCounts);
    }

    @Override
    public Page<VaultMedia> vaultMedia(String connectionId, int limit, long offset, CallPriority priority) {
        Operation op = Operation.access("list vault media", connectionId, priority, Kind.READ);
        ListingJson<VaultMediaJson> json = call(op, () -> api.vaultMedia(connectionId, limit, offset));
        return page(op, json, VaultMediaJson::toVaultMedia, listing -> listing.nextOffset(offset));
    }

    /** Starting an upload only reserves a slot: one repeated after a lost answer leaves an unused slot, nothing more. */
    @Override
    public UploadPlan initUpload(String connectionId, String fileName, long size, String contentType) {
        Operation op = Operation.access("start upload", connectionId, CallPriority.INTERACTIVE, Kind.WRITE);
        UploadJson.InitRequest body = new UploadJson.InitRequest(fileName, size, contentType);
        Response<UploadJson.Init> response = callForResponse(op, () -> api.initUpload(connectionId, body));
        return map(op, response.body(), json -> json.toPlan(response.headers(), size));
    }

    /** The single PUT finishes the upload: a repeat after it arrived would be refused, so it is sent like a create. */
    @Override
    public UploadedMedia uploadWhole(String connectionId, String mediaUploadId, String contentType, byte[] bytes) {
        Operation op = Operation.access("upload file", connectionId, CallPriority.INTERACTIVE, Kind.CREATE);
        RequestBody body = RequestBody.create(bytes, MediaType.parse(contentType));
        return map(
                op,
                call(op, () -> api.uploadWhole(connectionId, mediaUploadId, body)),
                json -> json.toUploaded(mediaUploadId));
    }

    @Override
    public void uploadPart(
            String connectionId, String mediaUploadId, int partNumber, String contentType, byte[] bytes) {
        Operation op =
                Operation.access("upload part " + partNumber, connectionId, CallPriority.INTERACTIVE, Kind.WRITE);
        RequestBody body = RequestBody.create(bytes, MediaType.parse(contentType));
        call(op, () -> api.uploadPart(connectionId, mediaUploadId, partNumber, body));
    }

    @Override
    public UploadedMedia completeUpload(String connectionId, String mediaUploadId) {
        Operation op = Operation.access("complete upload", connectionId, CallPriority.INTERACTIVE, Kind.CREATE);
        UploadJson.CompleteRequest body = new UploadJson.CompleteRequest(mediaUploadId);
        return map(op, call(op, () -> api.completeUpload(connectionId, body)), json -> json.toUploaded(mediaUploadId));
    }

    @Override
    public AccountInfo whoami() {
        Operation op = Operation.account("whoami");
        return map(op, call(op, api::whoami), WhoamiJson::toAccount);
    }

    @Override
    public CreatorProfile self(String connectionId, CallPriority priority) {
        Operation op = Operation.access("get connected creator", connectionId, priority, Kind.READ);
        return map(op, call(op, () -> api.self(connectionId)), SelfJson::toProfile);
    }

    @Override
    public Page<ConnectionInfo> connections(Optional<String> status, int limit, long offset) {
        Operation op = Operation.account("list connections");
        ListingJson<ConnectionJson> json = call(op, () -> api.connections(status.orElse(null), limit, offset));
        return page(op, json, ConnectionJson::toConnection, listing -> listing.nextOffset(offset));
    }

    /**
     * OFAuth's sent analytics have no cursor: {@code hasMore} only says that the window held more than a page.
     * Such a window is read again as two halves, until every window fits a page. Windows are whole seconds with
     * both ends included, as OFAuth's dates are (the halves of [a, b] are [a, m] and [m + 1 s, b]); a single
     * second that still has more cannot be narrowed, and the result is then marked incomplete. Messages are
     * de-duplicated by id and returned newest first.
     */
    @Override
    public SentWindow sentBetween(String connectionId, Instant from, Instant to, CallPriority priority) {
        Operation op = Operation.access("list sent mass messages", connectionId, priority, Kind.READ);
        Map<Long, SentMessageStats> found = new HashMap<>();
        Deque<Window> windows = new ArrayDeque<>();
        windows.push(new Window(from.truncatedTo(ChronoUnit.SECONDS), OfAuthDates.ceilingSecond(to)));
        boolean complete = true;
        for (int pages = 0; !windows.isEmpty(); pages++) {
            if (pages == MAX_SENT_PAGES) {
                log.warn(
                        "OFAuth {} ({}): stopped after {} pages; the search is incomplete",
                        op.name(),
                        connectionId,
                        pages);
                complete = false;
                break;
            }
            Window window = windows.pop();
            ListingJson<MassMessageJson> json = sentPage(op, window.from(), window.to(), SENT_PAGE_SIZE);
            newestFirst(op, json).forEach(stats -> found.put(stats.id(), stats));
            long seconds = Duration.between(window.from(), window.to()).toSeconds();
            if (json.more() && seconds >= 1) {
                Instant middle = window.from().plusSeconds((seconds - 1) / 2);
                windows.push(new Window(middle.plusSeconds(1), window.to()));
                windows.push(new Window(window.from(), middle));
            } else if (json.more()) {
                complete = false;
            }
        }
        return new SentWindow(
                found.values().stream()
                        .sorted(Comparator.comparing(SentMessageStats::date)
                                .reversed()
                                .thenComparing(SentMessageStats::id))
                        .toList(),
                complete);
    }

    /** A range of OFAuth dates in whole seconds, both ends included. */
    private record Window(Instant from, Instant to) {}

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private ListingJson<MassMessageJson> sentPage(Operation op, Instant from, Instant to, int limit) {
        String connectionId = op.connectionId().orElseThrow();
        return requireBody(
                op,
                call(
                        op,
                        () -> api.sentMessages(
                                connectionId,
                                OfAuthDates.format(from),
                                OfAuthDates.format(OfAuthDates.ceilingSecond(to)),
                                limit)));
    }

    private List<SentMessageStats> newestFirst(Operation op, ListingJson<MassMessageJson> json) {
        return map(
                op,
                json,
                listing -> listing.entries().stream()
                        .map(MassMessageJson::toStats)
                        .sorted(Comparator.comparing(SentMessageStats::date).reversed())
                        .toList());
    }

    private <J, T> Page<T> page(
            Operation op, ListingJson<J> json, Function<J, T> item, Function<ListingJson<J>, Optional<Long>> next) {
        return map(
                op,
                json,
                listing -> new Page<>(listing.entries().stream().map(item).toList(), next.apply(listing)));
    }

    /** Maps a DTO to the model; a missing body or a value the model refuses is a {@code BadPayload}. */
    private <J, T> T map(Operation op, J json, Function<J, T> mapper) {
        requireBody(op, json);
        try {
            return mapper.apply(json);
        } catch (RuntimeException e) {
            throw failures.badPayload(op, e);
        }
    }

    private <J> J requireBody(Operation op, J json) {
        if (json == null) {
            throw failures.badPayload(op, new IOException("empty body"));
        }
        return json;
    }

    /** Runs one operation: rate limit, send, and retry as its kind allows. Returns null for a 2xx without body. */
    private <T> T call(Operation op, Supplier<Call<T>> request) {
        return callForResponse(op, request).body();
    }

    /** As {@link #call}, with the successful response itself (for its headers). */
    private <T> Response<T> callForResponse(Operation op, Supplier<Call<T>> request) {
        Instant start = clock.instant();
        boolean earlierMayHaveTakenEffect = false;
        for (int attempt = 1; ; attempt++) {
            op.connectionId().ifPresent(connectionId -> limiter.acquire(connectionId, op.priority()));
            try {
                return exchange(op, request.get());
            } catch (AttemptFailure failed) {
                Optional<Duration> delay = retryDelay(op, failed, attempt, start);
                if (delay.isEmpty()) {
                    throw earlierMayHaveTakenEffect ? failures.afterLostAnswer(failed.failure()) : failed.failure();
                }
                earlierMayHaveTakenEffect |= failed.failure().mayHaveTakenEffect();
                log.info(
                        "OFAuth {} ({}) failed on attempt {}: {}; retrying in {} ms",
                        op.name(),
                        op.connectionId().orElse("account"),
                        attempt,
                        failed.failure().getClass().getSimpleName(),
                        delay.get().toMillis());
                pause(delay.get(), failed);
            }
        }
    }

    private <T> Response<T> exchange(Operation op, Call<T> call) throws AttemptFailure {
        Response<T> response;
        String endpoint = Endpoints.of(call);
        Instant start = clock.instant();
        try {
            response = call.execute();
        } catch (TransmissionException e) {
            observer.exchanged(endpoint, "network_error", Duration.between(start, clock.instant()));
            throw failures.fromTransmission(op, e);
        } catch (IOException | JsonDataException e) {
            // TransmissionTracker already read the body, so any other failure here is the JSON of a 2xx.
            observer.exchanged(endpoint, "bad_payload", Duration.between(start, clock.instant()));
            throw new AttemptFailure(failures.badPayload(op, e), false);
        }
        observer.exchanged(endpoint, Integer.toString(response.code()), Duration.between(start, clock.instant()));
        op.connectionId().ifPresent(id -> limiter.observeRemaining(id, RateLimitHeaders.remaining(response.headers())));
        if (response.isSuccessful()) {
            return response;
        }
        AttemptFailure failed = failures.fromResponse(
                op, response.code(), response.headers(), errorText(response.errorBody()), clock.instant());
        if (failed.failure() instanceof RateLimited limited) {
            op.connectionId().ifPresent(id -> limiter.backOff(id, limited.retryAfter()));
        }
        if (failed.failure() instanceof Unauthenticated auth && auth.sessionExpired()) {
            op.connectionId().ifPresent(this::reportSessionExpired);
        }
        throw failed;
    }

    /**
     * Tells {@code listener} the connection id of every Access call OFAuth answers with an expired or
     * missing session, whoever made the call (connection health probes it then). The listener must be quick.
     */
    public void onSessionExpired(Consumer<String> listener) {
        sessionExpired = Objects.requireNonNull(listener, "listener");
    }

    private void reportSessionExpired(String connectionId) {
        try {
            sessionExpired.accept(connectionId);
        } catch (RuntimeException e) {
            log.warn("Could not note the expired session of {}", connectionId, e);
        }
    }

    private static String errorText(ResponseBody body) {
        try {
            return body == null ? "" : body.string();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * How long to wait before the next attempt, or empty to give up. A create is retried only when nothing
     * was sent; other operations on any transient failure, except background reads, whose callers come back on
     * their own schedule (the stats poller backs off per connection) instead of holding a thread here.
     * Bounded by attempts and by total time.
     */
    private Optional<Duration> retryDelay(Operation op, AttemptFailure failed, int attempt, Instant start) {
        boolean retryable = op.kind() == Kind.CREATE
                ? failed.failure() instanceof NetworkError network && !network.mayHaveReachedOfAuth()
                : failed.transientFailure() && op.priority() != CallPriority.BACKGROUND;
        if (!retryable || attempt >= retry.maxAttempts()) {
            return Optional.empty();
        }
        Duration delay = jitteredBackoff(attempt);
        if (failed.failure() instanceof RateLimited limited
                && limited.retryAfter().compareTo(delay) > 0) {
            delay = limited.retryAfter();
        }
        if (clock.instant().plus(delay).isAfter(start.plus(retry.maxTotal()))) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    /** Exponential from {@code initialBackoff}, capped at {@code maxBackoff}, uniformly jittered over its upper half. */
    private Duration jitteredBackoff(int attempt) {
        double exponential = (double) retry.initialBackoff().toNanos() * Math.pow(2, attempt - 1);
        long half = (long) Math.min((double) retry.maxBackoff().toNanos(), exponential) / 2;
        return Duration.ofNanos(
                half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
    }

    private void pause(Duration delay, AttemptFailure failed) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed.failure();
        }
    }
}
