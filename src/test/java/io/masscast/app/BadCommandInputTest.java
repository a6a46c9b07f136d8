package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;
import static io.masscast.app.Pipeline.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.testing.BadInputCases;
import io.masscast.testing.BadInputCases.LineCase;
import io.masscast.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated bad input through the command layer, on the real store (SQLite) and the OFAuth simulator: every
 * command and key, bad values in each compose field, stray, unknown and repeated tokens, misquoting, bad ids,
 * reasons, policy and bind arguments, lines too long. Each case is refused with a reply that names what to fix,
 * is short and carries no raw control character; nothing is stored or changed; no exception escapes; each case
 * ends within a generous deadline. The seed makes the cases reproducible ({@code -Dmasscast.hardening.seed=N}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadCommandInputTest {
    private static final long SEED = Long.getLong("masscast.hardening.seed", 20260320L);
    private static final int CASES = 1_200;
    /** A field's errors, or a refusal with its usage; the help for an unknown command is the longest. */
    private static final int MAX_REPLY = 2_500;

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final String VALID_NEW =
            "text=\"Weekend set\" lists=fans media=48213377,48213378 preview=1 price=12.50";
    private static final Map<BadInputCases.Who, Actor> ACTORS = Map.of(
            BadInputCases.Who.REQUESTER,
            ALICE,
            BadInputCases.Who.APPROVER,
            Actor.of("bob", "Bob"),
            BadInputCases.Who.ADMIN,
            Actor.of("root", "Root"));

    /** What a refused command must leave untouched. */
    private record Snapshot(List<Campaign> campaigns, Binding binding, int outbox) {}

    private Pipeline pipeline;
    private Snapshot before;

    @BeforeAll
    void composeTheCampaignThatEditsAndDecisionsName(@TempDir Path folder) {
        pipeline = new Pipeline(folder, MutableClock.at("2026-03-20T10:00:00Z"));
        Reply composed = pipeline.run(ALICE, "new " + VALID_NEW);
        assertThat(composed).isInstanceOf(Reply.Text.class);
        assertThat(((Reply.Text) composed).text()).startsWith("MC-1 is waiting for approval");
        before = snapshot();
    }

    @AfterAll
    void stop() {
        pipeline.close();
    }

    @TestFactory
    Stream<DynamicTest> everyBadLineIsRefusedNamingWhatToFixAndChangesNothing() {
        List<LineCase> cases = BadInputCases.commandLines(SEED, CASES, VALID_NEW);
        return IntStream.range(0, cases.size())
                .mapToObj(i -> DynamicTest.dynamicTest(
                        "#" + i + " " + cases.get(i), () -> refusedAndNothingChanged(cases.get(i))));
    }

    private void refusedAndNothingChanged(LineCase bad) {
        Reply reply = assertTimeoutPreemptively(DEADLINE, () -> pipeline.run(ACTORS.get(bad.who()), bad.line()));

        String shown = shown(reply);
        assertThat(reply).as("a refusal, not a card or a form").isInstanceOfAny(Reply.Text.class, Reply.Errors.class);
        assertThat(shown).as("the reply names what to fix").contains(bad.expect());
        assertThat(shown).as("a short reply").hasSizeLessThanOrEqualTo(MAX_REPLY);
        assertThat(shown.codePoints()
                        .filter(BadCommandInputTest::mustNotBeEchoed)
                        .boxed()
                        .toList())
                .as("control or direction characters echoed raw")
                .isEmpty();
        assertThat(shown)
                .as("not accepted")
                .doesNotContain(
                        "is waiting for approval", "is rejected", "Policy updated", "now speaks for", "You approved");
        assertThat(snapshot()).as("nothing stored or changed").isEqualTo(before);
    }

    /** The reply as the terminal prints it (an adapter shows the same text and field names). */
    private static String shown(Reply reply) {
        if (reply instanceof Reply.Errors errors) {
            return String.join(
                    "\n",
                    errors.errors().stream()
                            .map(e -> e.field() + ": " + e.message())
                            .toList());
        }
        return reply instanceof Reply.Text text ? text.text() : reply.toString();
    }

    private static boolean mustNotBeEchoed(int cp) {
        return (Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t')
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    private Snapshot snapshot() {
        return pipeline.wiring
                .database()
                .inTransaction(stores -> new Snapshot(
                        stores.campaigns().inChannel(CHANNEL, EnumSet.allOf(CampaignState.class), 100),
                        stores.bindings().find(CHANNEL).orElseThrow(),
                        stores.outbox().pending(CHANNEL.platform(), 1_000).size()));
    }
}
