package io.masscast.core.campaign;

import io.masscast.core.port.OfAuthFailure;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * What becomes of a campaign after OFAuth failed its create or replace: the "never twice" rule. A create
 * that OFAuth may have acted on is never repeated by masscast — it is in doubt until the reconciler or a
 * person settles it. Anything that provably had no effect, and any replace (a PUT leaves the same result
 * however often it arrives), is tried again later. A definite refusal fails the campaign with the reason.
 * Every reason is written for the channel: what happened and what happens next.
 */
public sealed interface FailureVerdict {

    /** How long to wait when OFAuth gives no time of its own. */
    Duration DEFAULT_PAUSE = Duration.ofSeconds(30);

    String reason();

    /** Back to the queue, not before {@code after} from now. */
    record RetryLater(Duration after, String reason) implements FailureVerdict {
        public RetryLater {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** OFAuth may have created the message: never sent again on masscast's own; the reconciler looks for it. */
    record InDoubt(String reason) implements FailureVerdict {
        public InDoubt {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * OFAuth definitely refused. {@code earlierVersionKept}: the refused request was an edit, and the version
     * approved before it is still scheduled at OFAuth (it can still be cancelled).
     */
    record Refused(String reason, boolean earlierVersionKept) implements FailureVerdict {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static FailureVerdict of(SubmissionKind kind, OfAuthFailure failure) {
        Objects.requireNonNull(kind, "kind");
        boolean replace = kind == SubmissionKind.REPLACE;
        if (failure instanceof OfAuthFailure.RateLimited limited) {
            Duration pause =
                    limited.retryAfter().isZero() || limited.retryAfter().isNegative()
                            ? DEFAULT_PAUSE
                            : limited.retryAfter();
            return new RetryLater(pause, "OFAuth's rate limit was reached; trying again in " + seconds(pause));
        }
        if (failure instanceof OfAuthFailure.Unauthenticated auth) {
            return switch (auth.cause()) {
                case RULES_OUTDATED ->
                    new RetryLater(
                            DEFAULT_PAUSE,
                            "OFAuth was updating its rules and did nothing; trying again in " + seconds(DEFAULT_PAUSE));
                // nothing was sent, and the send waits for the reconnect (connection health holds it) instead of
                // failing
                case SESSION ->
                    new RetryLater(
                            DEFAULT_PAUSE,
                            "the creator's OnlyFans session has expired: it waits until"
                                    + " the creator reconnects through OFAuth Link");
                case API_KEY -> new Refused("OFAuth did not accept masscast's API key; check OFAUTH_API_KEY", replace);
            };
        }
        if (failure instanceof OfAuthFailure.NetworkError network && !network.mayHaveReachedOfAuth()) {
            return new RetryLater(
                    DEFAULT_PAUSE,
                    "OFAuth could not be reached, so nothing was sent; trying again in " + seconds(DEFAULT_PAUSE));
        }
        if (failure.mayHaveTakenEffect()) {
            String lost = lostAnswer(failure);
            return replace
                    ? new RetryLater(
                            DEFAULT_PAUSE,
                            lost + "; sending the edit again in " + seconds(DEFAULT_PAUSE)
                                    + " (an edit is safe to repeat)")
                    : new InDoubt(lost);
        }
        if (failure instanceof OfAuthFailure.InvalidRequest invalid) {
            return new Refused(invalid.reason(), replace);
        }
        if (failure instanceof OfAuthFailure.Forbidden) {
            return new Refused(
                    "the creator's OFAuth connection lacks the permission to send messages (messages:write)", replace);
        }
        if (failure instanceof OfAuthFailure.NotFound) {
            return replace
                    ? new Refused(
                            "OFAuth no longer has the scheduled message: it may have gone out already or been"
                                    + " deleted in OnlyFans",
                            false)
                    : new Refused(
                            "OFAuth answered \"not found\": check OFAUTH_BASE_URL and the creator's connection", false);
        }
        throw new IllegalArgumentException(
                "no verdict for " + failure.getClass().getName());
    }

    /** What went wrong with a request that reached OFAuth, for the card. */
    private static String lostAnswer(OfAuthFailure failure) {
        if (failure instanceof OfAuthFailure.ServerError server) {
            return "OFAuth answered with an error (HTTP " + server.status() + ") after the request reached it";
        }
        if (failure instanceof OfAuthFailure.BadPayload) {
            return "OFAuth answered, but its answer could not be read";
        }
        return failure.getCause() instanceof SocketTimeoutException
                ? "OFAuth did not answer in time"
                : "the connection to OFAuth broke before it answered";
    }

    private static String seconds(Duration pause) {
        long seconds = Math.max(1, (pause.toMillis() + 999) / 1000);
        return seconds + " s";
    }
}
