package io.masscast.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.core.command.Card;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import io.masscast.core.port.NotDelivered;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox's side of Slack: cards posted once and updated in place, notes in the thread, Slack's limits kept. */
class SlackNotifierTest {
    private static final Card CARD = new Card("MC-7 · Message for Mila Rose — sent", Card.Tone.GOOD,
            List.of(new Card.Field("Status", "sent")), "Hello", "MC-7", List.of());

    private SlackTestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void aCardIsPostedOnceAndThenUpdatedInPlace() {
        String ts = bed.adapter.notifier().showCard(SlackTestBed.CHANNEL, Optional.empty(), CARD);
        String again = bed.adapter.notifier().showCard(SlackTestBed.CHANNEL, Optional.of(ts), CARD);

        assertThat(again).isEqualTo(ts);
        assertThat(bed.slack.calls("chat.postMessage")).hasSize(1);
        FakeSlackApi.Call update = bed.slack.awaitCall("chat.update");
        assertThat(update.param("channel")).isEqualTo(SlackPayloads.CHANNEL);
        assertThat(update.param("ts")).isEqualTo(ts);
        assertThat(update.param("text")).isEqualTo("MC-7 · Message for Mila Rose — sent");
    }

    @Test
    void aDeletedCardIsPostedAgain() {
        bed.slack.failNext("chat.update", 200, "{\"ok\":false,\"error\":\"message_not_found\"}", Map.of());

        String shown = bed.adapter.notifier().showCard(SlackTestBed.CHANNEL, Optional.of("1769999999.000001"), CARD);

        assertThat(shown).isNotEqualTo("1769999999.000001");
        assertThat(bed.slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void otherFailuresThrowSoTheOutboxRetries() {
        bed.slack.failNext("chat.postMessage", 200, "{\"ok\":false,\"error\":\"channel_not_found\"}", Map.of());

        assertThatThrownBy(() -> bed.adapter.notifier().showCard(SlackTestBed.CHANNEL, Optional.empty(), CARD))
                .isInstanceOf(SlackCallFailed.class)
                .hasMessage("chat.postMessage failed: channel_not_found")
                .hasMessageNotContaining(SlackTestBed.BOT_TOKEN);
    }

    @Test
    void afterA429NothingIsSentToThatMethodUntilRetryAfterHasPassed() {
        bed.slack.failNext("chat.postMessage", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "30"));

        assertThatThrownBy(() -> bed.adapter.notifier().showCard(SlackTestBed.CHANNEL, Optional.empty(), CARD))
                .isInstanceOf(SlackCallFailed.class).hasMessageContaining("ratelimited");
        assertThatThrownBy(() -> bed.adapter.notifier().postNote(SlackTestBed.CHANNEL, Optional.of("1.2"), "later"))
                .as("not sent, so the outbox may post the note later without posting it twice")
                .isInstanceOf(NotDelivered.class)
                .cause().isInstanceOf(SlackCallFailed.class)
                .satisfies(e -> assertThat(((SlackCallFailed) e).retryAt()).isPresent());

        assertThat(bed.slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void aNoteGoesIntoTheCardsThreadWithItsTextShownLiterally() {
        bed.adapter.notifier().postNote(SlackTestBed.CHANNEL, Optional.of("1770000000.000100"),
                "<@UBOB> bought it <!channel> & more");

        FakeSlackApi.Call note = bed.slack.awaitCall("chat.postMessage");
        assertThat(note.param("thread_ts")).isEqualTo("1770000000.000100");
        assertThat(note.param("text")).isEqualTo("<@UBOB> bought it &lt;!channel&gt; &amp; more");
    }

    @Test
    void aChannelMessageGoesIntoTheChannelNotAThread() {
        bed.adapter.notifier().postMessage(SlackTestBed.CHANNEL, "Connection *conn_demo* expired <!here>");

        FakeSlackApi.Call message = bed.slack.awaitCall("chat.postMessage");
        assertThat(message.param("channel")).isEqualTo(SlackPayloads.CHANNEL);
        assertThat(message.param("thread_ts")).isEmpty();
        assertThat(message.param("text")).isEqualTo("Connection *conn_demo* expired &lt;!here&gt;");
    }

    @Test
    void aMessageSlackRefusedIsReportedAsNotDelivered() {
        bed.slack.failNext("chat.postMessage", 200, "{\"ok\":false,\"error\":\"not_in_channel\"}", Map.of());

        assertThatThrownBy(() -> bed.adapter.notifier().postMessage(SlackTestBed.CHANNEL, "hello"))
                .isInstanceOf(NotDelivered.class)
                .hasMessage("chat.postMessage failed: not_in_channel");
    }

    @Test
    void anotherPlatformsChannelIsNotSlacks() {
        ChannelRef discord = new ChannelRef(Platform.DISCORD, "guild", "123");

        assertThatThrownBy(() -> bed.adapter.notifier().showCard(discord, Optional.empty(), CARD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(bed.slack.calls("chat.postMessage")).isEmpty();
    }
}
