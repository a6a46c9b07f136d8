package io.masscast.adapter.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a signed HTTP request that was already seen. Bolt checks the signature and that the timestamp is
 * under five minutes old; a captured request could still be sent again within those minutes, so each signature
 * is remembered for that window and a second use gets the same 401 as a bad signature. Runs after Bolt's
 * verification, so only genuine signatures are remembered; a signature dated ahead of this clock is refused too, as
 * it would still be valid after the guard forgot it. (Per process: replicas behind a load balancer each
 * keep their own memory.) Read-only requests are let through: a list search carries no unique id, so the same
 * search typed twice within a second is the same signed request, and answering it again changes nothing.
 */
final class ReplayGuard implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayGuard.class);
    /** Bolt's window plus a minute for clock skew. */
    private static final Duration REMEMBER = Duration.ofMinutes(6);
    /** Bolt refuses signatures older than five minutes but not ones dated ahead; Slack's clock may be this much ahead. */
    private static final Duration SKEW = Duration.ofMinutes(1);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(30);
    /** Requests whose listeners only read: menu searches of modals and dialogs. */
    private static final Set<RequestType> READ_ONLY = EnumSet.of(RequestType.BlockSuggestion, RequestType.DialogSuggestion);

    private final Clock clock;
    private final Map<String, Instant> seenUntil = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextSweep;

    ReplayGuard(Clock clock) {
        this.clock = clock;
        this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_EVERY));
    }

    @Override
    @SuppressWarnings("rawtypes") // Bolt's Middleware interface takes the raw Request
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String signature = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (req.isSocketMode() || signature == null || READ_ONLY.contains(req.getRequestType())) {
            return chain.next(req);
        }
        Instant now = clock.instant();
        if (datedAhead(req, now)) {
            LOG.warn("Refused a Slack request signed with a timestamp ahead of this clock ({})", req.getRequestType());
            return Response.json(401, "{\"error\":\"invalid request\"}");
        }
        sweep(now);
        if (seenUntil.putIfAbsent(signature, now.plus(REMEMBER)) != null) {
            LOG.warn("Refused a replayed Slack request ({})", req.getRequestType());
            return Response.json(401, "{\"error\":\"invalid request\"}");
        }
        return chain.next(req);
    }

    /** A signature dated after now (beyond skew) would outlive the memory of signatures seen. */
    @SuppressWarnings("rawtypes")
    private static boolean datedAhead(Request req, Instant now) {
        String timestamp = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        try {
            return timestamp == null || Long.parseLong(timestamp) > now.plus(SKEW).getEpochSecond();
        } catch (NumberFormatException notANumber) {
            return true;
        }
    }

    private void sweep(Instant now) {
        Instant due = nextSweep.get();
        if (now.isAfter(due) && nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
            seenUntil.values().removeIf(until -> until.isBefore(now));
        }
    }
}
