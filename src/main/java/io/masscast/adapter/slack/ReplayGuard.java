package io.masscast.adapter.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.masscast.core.port.SeenRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a signed HTTP request that was already seen. Bolt checks the signature and that the timestamp is
 * under five minutes old; a captured request could still be sent again within those minutes, so each signature
 * is remembered for that window and a second use gets the same 401 as a bad signature. Runs after Bolt's
 * verification, so only genuine signatures are remembered; a signature dated ahead of this clock is refused too, as
 * it would still be valid after the guard forgot it. The memory is {@link SeenRequests}: this process's own, or the
 * database that replicas behind one load balancer share, so a request replayed to another replica is refused too.
 * When the memory cannot be asked, the request gets 503 (Slack shows a failure; nothing was done). Read-only
 * requests are let through: a list search carries no unique id, so the same search typed twice within a second is
 * the same signed request, and answering it again changes nothing.
 */
final class ReplayGuard implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayGuard.class);
    /** Bolt's window plus a minute for clock skew. */
    private static final Duration REMEMBER = Duration.ofMinutes(6);
    /** Bolt refuses signatures older than five minutes but not ones dated ahead; Slack's clock may be this much ahead. */
    private static final Duration SKEW = Duration.ofMinutes(1);
    /** Requests whose listeners only read: menu searches of modals and dialogs. */
    private static final Set<RequestType> READ_ONLY =
            EnumSet.of(RequestType.BlockSuggestion, RequestType.DialogSuggestion);

    private final Clock clock;
    private final SeenRequests seen;

    ReplayGuard(Clock clock, SeenRequests seen) {
        this.clock = clock;
        this.seen = seen;
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
        boolean first;
        try {
            first = seen.firstSeen(signature, now, now.plus(REMEMBER));
        } catch (RuntimeException unavailable) {
            LOG.error(
                    "Could not check a Slack request ({}) against the ones seen before ({}); refused",
                    req.getRequestType(),
                    unavailable.getClass().getSimpleName());
            return Response.json(503, "{\"error\":\"try again\"}");
        }
        if (!first) {
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
            return timestamp == null
                    || Long.parseLong(timestamp) > now.plus(SKEW).getEpochSecond();
        } catch (NumberFormatException notANumber) {
            return true;
        }
    }
}
