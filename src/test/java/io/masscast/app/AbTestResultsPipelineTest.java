package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.command.Card;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An A/B test's results as the card words them while masscast follows them, and once it stops (7 days after the
 * send, by default): the numbers are final, so the verdict is an outcome, not "too early to tell".
 */
class AbTestResultsPipelineTest {
    private static final Actor BOB = Actor.of("bob", "Bob");

    @TempDir
    Path folder;

    private static String verdict(Card card) {
        return card.fields().stream()
                .filter(f -> f.label().equals("Verdict"))
                .findFirst()
                .orElseThrow()
                .value();
    }

    @Test
    void onceTheNumbersAreFinalTheVerdictIsAnOutcome() {
        MutableClock clock = new MutableClock(Instant.now());
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            pipeline.run(
                    Pipeline.ALICE,
                    "new text=\"Option A\" lists=\"VIP whales\" split=lists text_b=\"Option B\" lists_b=Tippers");
            pipeline.run(BOB, "approve MC-1");
            pipeline.tickUntilSubmitted();
            pipeline.advance(clock, Duration.ofMinutes(10)); // delivered and viewed
            pipeline.tick();
            assertThat(verdict(pipeline.channel.cardOf("MC-1").orElseThrow())).startsWith("Too early to tell: ");

            pipeline.advance(clock, Duration.ofDays(7).plusMinutes(1));
            pipeline.tick();
            Reply shown = pipeline.run(BOB, "show MC-1");

            assertThat(verdict(((Reply.CardReply) shown).card()))
                    .containsPattern("^(No clear winner: |[AB] wins on view rate)");
        }
    }
}
