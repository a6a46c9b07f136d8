package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.masscast.config.ConfigLoader;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.Platform;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RecordedRequest;
import io.masscast.testing.RecordingNotifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The submitter and the outbox start when this process commits work for them, not at their next poll: with
 * every job polling once an hour, an approval still leaves for OFAuth and its card still changes.
 */
class JobWakeUpTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Actor BOB = Actor.of("bob", "Bob");

    @TempDir
    Path folder;

    @Test
    void anApprovalIsSentAndItsCardShownWithoutWaitingForAPoll() {
        try (OfAuthSimulator simulator = OfAuthSimulator.start(Pipeline.unlimitedSimulator());
                Wiring wiring = Wiring.create(
                        ConfigLoader.load(Map.of("MASSCAST_DB_URL", "jdbc:sqlite:" + folder.resolve("masscast.db"))),
                        Optional.of(simulator),
                        Set.of("root"),
                        Clock.systemUTC(),
                        new Wiring.Intervals(HOUR, HOUR, HOUR, HOUR, HOUR))) {
            wiring.bindings()
                    .bind(
                            Actor.of("root", "Root"),
                            new Binding(
                                    Pipeline.CHANNEL,
                                    "conn_demo",
                                    "Mila Rose",
                                    ZoneId.of("Europe/Berlin"),
                                    Set.of("bob"),
                                    BindingPolicy.defaults()));
            RecordingNotifier channel = new RecordingNotifier();
            wiring.startJobs(Map.of(Platform.SHELL, channel));

            // the jobs' first ticks run as they start, maybe after this first approval: only later ones are woken
            composeAndApprove(wiring, "MC-1");
            await().atMost(PATIENCE).until(() -> creates(simulator).size() == 1);

            composeAndApprove(wiring, "MC-2");

            await().atMost(PATIENCE).until(() -> creates(simulator).size() == 2);
            assertThat(creates(simulator).get(1).body()).contains("Second campaign");
            await().atMost(PATIENCE)
                    .until(() -> channel.cardOf("MC-2")
                            .filter(card -> card.title().endsWith("sending")
                                    || card.title().endsWith("sent"))
                            .isPresent());
        }
    }

    private static void composeAndApprove(Wiring wiring, String humanId) {
        String text = humanId.equals("MC-1") ? "First campaign" : "Second campaign";
        Reply composed =
                wiring.router().handle(Pipeline.CHANNEL, Pipeline.ALICE, "new text=\"" + text + "\" lists=fans");
        assertThat(((Reply.Text) composed).text()).startsWith(humanId + " is waiting for approval");
        Reply approved = wiring.router().handle(Pipeline.CHANNEL, BOB, "approve " + humanId);
        assertThat(((Reply.Text) approved).text()).startsWith("You approved " + humanId);
    }

    private static List<RecordedRequest> creates(OfAuthSimulator simulator) {
        return simulator.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().startsWith("/v2/access/mass-messages"))
                .toList();
    }
}
