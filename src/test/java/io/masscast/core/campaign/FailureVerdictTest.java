package io.masscast.core.campaign;

import static io.masscast.core.campaign.SubmissionKind.CREATE;
import static io.masscast.core.campaign.SubmissionKind.REPLACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.campaign.FailureVerdict.InDoubt;
import io.masscast.core.campaign.FailureVerdict.Refused;
import io.masscast.core.campaign.FailureVerdict.RetryLater;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthFailure.Unauthenticated.Cause;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "never twice" rule as a table: every kind of OFAuth failure, for a create (POST) and for a replace (PUT),
 * and what becomes of the campaign with the reason the channel reads.
 */
class FailureVerdictTest {
    private static final Optional<String> NO_ID = Optional.empty();

    private static Arguments row(
            OfAuthFailure failure, SubmissionKind kind, Class<? extends FailureVerdict> verdict, String reason) {
        return Arguments.of(failure.getClass().getSimpleName() + describe(failure), kind, failure, verdict, reason);
    }

    private static String describe(OfAuthFailure failure) {
        if (failure instanceof OfAuthFailure.NetworkError network) {
            return network.mayHaveReachedOfAuth() ? " after the request left" : " before the request left";
        }
        if (failure instanceof OfAuthFailure.Unauthenticated auth) {
            return " " + auth.cause();
        }
        return "";
    }

    static Stream<Arguments> table() {
        OfAuthFailure limited = new OfAuthFailure.RateLimited("429", Duration.ofSeconds(12), NO_ID);
        OfAuthFailure limitedNoTime = new OfAuthFailure.RateLimited("429", Duration.ZERO, NO_ID);
        OfAuthFailure unreachable = new OfAuthFailure.NetworkError("refused", false, new ConnectException("refused"));
        OfAuthFailure timedOut = new OfAuthFailure.NetworkError("timeout", true, new SocketTimeoutException("timeout"));
        OfAuthFailure reset =
                new OfAuthFailure.NetworkError("reset", true, new java.io.IOException("unexpected end of stream"));
        OfAuthFailure server = new OfAuthFailure.ServerError("503", 503, NO_ID);
        OfAuthFailure unreadable = new OfAuthFailure.BadPayload("truncated", new java.io.EOFException());
        OfAuthFailure invalid = new OfAuthFailure.InvalidRequest("price must be at least 3", NO_ID);
        OfAuthFailure session = new OfAuthFailure.Unauthenticated("expired", Cause.SESSION, NO_ID);
        OfAuthFailure apiKey = new OfAuthFailure.Unauthenticated("bad key", Cause.API_KEY, NO_ID);
        OfAuthFailure rules = new OfAuthFailure.Unauthenticated("rules", Cause.RULES_OUTDATED, NO_ID);
        OfAuthFailure forbidden = new OfAuthFailure.Forbidden("no permission", NO_ID);
        OfAuthFailure notFound = new OfAuthFailure.NotFound("404", NO_ID);
        String editAgain = "; sending the edit again in 30 s (an edit is safe to repeat)";
        return Stream.of(
                row(limited, CREATE, RetryLater.class, "OFAuth's rate limit was reached; trying again in 12 s"),
                row(limited, REPLACE, RetryLater.class, "OFAuth's rate limit was reached; trying again in 12 s"),
                row(limitedNoTime, CREATE, RetryLater.class, "OFAuth's rate limit was reached; trying again in 30 s"),
                row(
                        unreachable,
                        CREATE,
                        RetryLater.class,
                        "OFAuth could not be reached, so nothing was sent; trying again in 30 s"),
                row(
                        unreachable,
                        REPLACE,
                        RetryLater.class,
                        "OFAuth could not be reached, so nothing was sent; trying again in 30 s"),
                row(timedOut, CREATE, InDoubt.class, "OFAuth did not answer in time"),
                row(timedOut, REPLACE, RetryLater.class, "OFAuth did not answer in time" + editAgain),
                row(reset, CREATE, InDoubt.class, "the connection to OFAuth broke before it answered"),
                row(reset, REPLACE, RetryLater.class, "the connection to OFAuth broke before it answered" + editAgain),
                row(
                        server,
                        CREATE,
                        InDoubt.class,
                        "OFAuth answered with an error (HTTP 503) after the request reached it"),
                row(
                        server,
                        REPLACE,
                        RetryLater.class,
                        "OFAuth answered with an error (HTTP 503) after the request reached it" + editAgain),
                row(unreadable, CREATE, InDoubt.class, "OFAuth answered, but its answer could not be read"),
                row(
                        unreadable,
                        REPLACE,
                        RetryLater.class,
                        "OFAuth answered, but its answer could not be read" + editAgain),
                row(invalid, CREATE, Refused.class, "price must be at least 3"),
                row(invalid, REPLACE, Refused.class, "price must be at least 3"),
                row(
                        session,
                        CREATE,
                        RetryLater.class,
                        "the creator's OnlyFans session has expired: it waits until the creator reconnects through OFAuth Link"),
                row(
                        session,
                        REPLACE,
                        RetryLater.class,
                        "the creator's OnlyFans session has expired: it waits until the creator reconnects through OFAuth Link"),
                row(apiKey, CREATE, Refused.class, "OFAuth did not accept masscast's API key; check OFAUTH_API_KEY"),
                row(apiKey, REPLACE, Refused.class, "OFAuth did not accept masscast's API key; check OFAUTH_API_KEY"),
                row(
                        rules,
                        CREATE,
                        RetryLater.class,
                        "OFAuth was updating its rules and did nothing; trying again in 30 s"),
                row(
                        rules,
                        REPLACE,
                        RetryLater.class,
                        "OFAuth was updating its rules and did nothing; trying again in 30 s"),
                row(
                        forbidden,
                        CREATE,
                        Refused.class,
                        "the creator's OFAuth connection lacks the permission to send messages (messages:write)"),
                row(
                        forbidden,
                        REPLACE,
                        Refused.class,
                        "the creator's OFAuth connection lacks the permission to send messages (messages:write)"),
                row(
                        notFound,
                        CREATE,
                        Refused.class,
                        "OFAuth answered \"not found\": check OFAUTH_BASE_URL and the creator's connection"),
                row(
                        notFound,
                        REPLACE,
                        Refused.class,
                        "OFAuth no longer has the scheduled message: it may have gone out already or been deleted in OnlyFans"));
    }

    @ParameterizedTest(name = "{1} failing with {0}")
    @MethodSource("table")
    void eachFailureOfACreateOrReplaceHasOneVerdict(
            String name,
            SubmissionKind kind,
            OfAuthFailure failure,
            Class<? extends FailureVerdict> expected,
            String reason) {
        FailureVerdict verdict = FailureVerdict.of(kind, failure);

        assertThat(verdict).isInstanceOf(expected);
        assertThat(verdict.reason()).isEqualTo(reason);
    }

    @Test
    void theTableCoversEveryFailureKindForBothRequests() {
        Set<Class<?>> kinds =
                Arrays.stream(OfAuthFailure.class.getPermittedSubclasses()).collect(Collectors.toSet());
        Set<String> rows =
                table().map(args -> args.get()[0] + " × " + args.get()[1]).collect(Collectors.toSet());

        for (Class<?> kind : kinds) {
            for (SubmissionKind request : EnumSet.allOf(SubmissionKind.class)) {
                assertThat(rows)
                        .as("a row for %s × %s", kind.getSimpleName(), request)
                        .anyMatch(row -> row.startsWith(kind.getSimpleName()) && row.endsWith(" × " + request));
            }
        }
        for (Cause cause : Cause.values()) {
            assertThat(rows)
                    .contains("Unauthenticated " + cause + " × CREATE", "Unauthenticated " + cause + " × REPLACE");
        }
    }

    @Test
    void aCreateThatMayHaveArrivedIsNeverRetriedAndAReplaceNeverInDoubt() {
        List<Arguments> rows = table().toList();
        for (Arguments row : rows) {
            OfAuthFailure failure = (OfAuthFailure) row.get()[2];
            FailureVerdict verdict = FailureVerdict.of((SubmissionKind) row.get()[1], failure);
            if (row.get()[1] == CREATE && failure.mayHaveTakenEffect()) {
                assertThat(verdict).as(row.get()[0].toString()).isInstanceOf(InDoubt.class);
            }
            if (row.get()[1] == REPLACE) {
                assertThat(verdict).as(row.get()[0].toString()).isNotInstanceOf(InDoubt.class);
            }
        }
    }

    @Test
    void onlyARefusedEditKeepsTheVersionApprovedEarlier() {
        assertThat(((Refused) FailureVerdict.of(REPLACE, new OfAuthFailure.InvalidRequest("no", NO_ID)))
                        .earlierVersionKept())
                .isTrue();
        assertThat(((Refused) FailureVerdict.of(REPLACE, new OfAuthFailure.NotFound("gone", NO_ID)))
                        .earlierVersionKept())
                .isFalse();
        assertThat(((Refused) FailureVerdict.of(CREATE, new OfAuthFailure.InvalidRequest("no", NO_ID)))
                        .earlierVersionKept())
                .isFalse();
    }
}
