package io.masscast.core.health;

import io.masscast.core.model.AccountInfo;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether OFAuth accepts masscast's API key, as last asked ({@code GET /v2/account/whoami}, outside the connections'
 * rate limits): at start-up and then on a slow schedule, never per readiness probe. Only a refusal makes masscast not
 * ready; OFAuth being unreachable leaves the last answer standing (and says so), since the key is not to blame and the
 * jobs retry.
 */
public final class ApiKeyCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyCheck.class);
    static final String COMPONENT = "ofauth";

    /** What OFAuth last said about the key. */
    public enum Verdict {
        ACCEPTED,
        REFUSED,
        UNKNOWN
    }

    /** The last answer, when it was given and what it said; and why the latest attempt got none, if it did not. */
    public record Status(Verdict verdict, Optional<Instant> answeredAt, String detail, Optional<String> unanswered) {}

    private final OfAuthGateway ofauth;
    private final Clock clock;
    private volatile Status status = new Status(Verdict.UNKNOWN, Optional.empty(), "not checked yet", Optional.empty());
    private volatile Instant lastAsked = Instant.MIN;

    public ApiKeyCheck(OfAuthGateway ofauth, Clock clock) {
        this.ofauth = ofauth;
        this.clock = clock;
    }

    /** Asks OFAuth again if it was last asked at least {@code every} ago. */
    public void checkIfOlderThan(Duration every) {
        if (!clock.instant().isBefore(lastAsked.plus(every))) {
            check();
        }
    }

    /** Asks OFAuth now and keeps the answer; returns the status after it. */
    public Status check() {
        lastAsked = clock.instant();
        Instant now = lastAsked.truncatedTo(ChronoUnit.SECONDS);
        Status before = status;
        try {
            AccountInfo account = ofauth.whoami();
            status = new Status(
                    Verdict.ACCEPTED,
                    Optional.of(now),
                    "API key accepted (organisation " + account.id() + ")",
                    Optional.empty());
            if (before.verdict() == Verdict.REFUSED) {
                LOG.warn("OFAuth accepts the API key again (organisation {})", account.id());
            }
        } catch (OfAuthFailure.Unauthenticated refused) {
            status = new Status(
                    Verdict.REFUSED,
                    Optional.of(now),
                    "OFAuth refuses the API key in OFAUTH_API_KEY (" + refused.getMessage() + ")",
                    Optional.empty());
            if (before.verdict() != Verdict.REFUSED) {
                LOG.error("OFAuth refuses the API key: masscast is not ready until OFAUTH_API_KEY holds a valid key");
            }
        } catch (OfAuthFailure unreachable) {
            status = new Status(
                    before.verdict(),
                    before.answeredAt(),
                    before.detail(),
                    Optional.of("no answer at " + now + " ("
                            + unreachable.getClass().getSimpleName() + ")"));
            LOG.warn(
                    "Could not check the OFAuth API key ({}); the last answer stands",
                    unreachable.getClass().getSimpleName());
        }
        return status;
    }

    public Status status() {
        return status;
    }

    /** For {@code /readyz}: the cached answer, without asking OFAuth. */
    public Readiness readiness() {
        Status now = status;
        String detail = now.detail()
                + now.answeredAt().map(at -> ", answered " + at).orElse("")
                + now.unanswered().map(why -> "; " + why).orElse("");
        return now.verdict() == Verdict.REFUSED
                ? Readiness.notReady(COMPONENT, detail)
                : Readiness.ready(COMPONENT, detail);
    }
}
