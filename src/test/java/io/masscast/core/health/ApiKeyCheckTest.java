package io.masscast.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.AccountInfo;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.testing.MutableClock;
import io.masscast.testing.UnexpectedOfAuthGateway;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What readiness says of OFAuth: the key's last answer, asked on a slow schedule, never per probe. */
class ApiKeyCheckTest {
    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    private final ScriptedWhoami ofauth = new ScriptedWhoami();
    private final ApiKeyCheck check = new ApiKeyCheck(ofauth, clock);

    @Test
    void readinessAsksNothingAndSaysNotCheckedBeforeTheFirstAnswer() {
        assertThat(check.readiness()).isEqualTo(Readiness.ready("ofauth", "not checked yet"));
        assertThat(ofauth.calls).isZero();
    }

    @Test
    void anAcceptedKeyIsReadyAndRepeatedProbesDoNotAskAgain() {
        ofauth.answers.add(ScriptedWhoami::accepted);
        check.check();

        for (int i = 0; i < 5; i++) {
            assertThat(check.readiness().ready()).isTrue();
        }

        assertThat(check.readiness().detail())
                .isEqualTo("API key accepted (organisation org_1), answered 2026-03-20T10:00:00Z");
        assertThat(ofauth.calls).isEqualTo(1);
    }

    @Test
    void aKeyRevokedWhileRunningMakesMasscastNotReadyAtTheNextScheduledCheck() {
        ofauth.answers.add(ScriptedWhoami::accepted);
        ofauth.answers.add(ScriptedWhoami::refused);
        check.check();

        clock.advance(Duration.ofMinutes(9));
        check.checkIfOlderThan(Duration.ofMinutes(10));
        assertThat(ofauth.calls).as("not due yet").isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        check.checkIfOlderThan(Duration.ofMinutes(10));

        assertThat(check.readiness())
                .isEqualTo(
                        Readiness.notReady(
                                "ofauth",
                                "OFAuth refuses the API key in OFAUTH_API_KEY (invalid API key), answered 2026-03-20T10:10:00Z"));
    }

    @Test
    void anUnreachableOfAuthLeavesTheLastAnswerStandingAndSaysSo() {
        ofauth.answers.add(ScriptedWhoami::accepted);
        ofauth.answers.add(() -> {
            throw new OfAuthFailure.NetworkError("could not reach OFAuth", false, null);
        });
        check.check();
        clock.advance(Duration.ofMinutes(10));

        ApiKeyCheck.Status status = check.check();

        assertThat(status.verdict()).isEqualTo(ApiKeyCheck.Verdict.ACCEPTED);
        assertThat(check.readiness().ready()).isTrue();
        assertThat(check.readiness().detail()).endsWith("; no answer at 2026-03-20T10:10:00Z (NetworkError)");
    }

    /** whoami answers as the test scripts it, one answer per call. */
    private static final class ScriptedWhoami extends UnexpectedOfAuthGateway {
        final Deque<Supplier<AccountInfo>> answers = new ArrayDeque<>();
        int calls;

        static AccountInfo accepted() {
            return new AccountInfo("org_1", "Agency", List.of());
        }

        @SuppressWarnings("DoNotCallSuggester") // a scripted answer: OFAuth refusing the key
        static AccountInfo refused() {
            throw new OfAuthFailure.Unauthenticated(
                    "invalid API key", OfAuthFailure.Unauthenticated.Cause.API_KEY, Optional.empty());
        }

        @Override
        public AccountInfo whoami() {
            calls++;
            return answers.removeFirst().get();
        }
    }
}
