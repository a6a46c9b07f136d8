package io.masscast.adapter.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.core.campaign.Mention;
import io.masscast.core.command.Card;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import io.masscast.core.model.Platform;
import io.masscast.core.port.NotDelivered;
import io.masscast.core.text.Markup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal's channel: a changed card is printed again, notes are indented under their campaign, an image is
 * written to a file whose path is printed with the caption.
 */
class ShellNotifierTest {
    private static final ChannelRef DEMO = new ChannelRef(Platform.SHELL, "local", "demo");
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    @TempDir
    Path images;

    private ShellNotifier notifier;

    @BeforeEach
    void open() {
        notifier = new ShellNotifier(ShellConsole.of(new PrintStream(screen, true, StandardCharsets.UTF_8)), images);
    }

    private static Card card(String bought) {
        return new Card(
                "MC-3 · PPV $12.50 for Mila Rose — sent",
                Card.Tone.GOOD,
                List.of(new Card.Field("Bought", bought)),
                "",
                "MC-3 · version abc",
                List.of());
    }

    private String shown() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCardThatChangedIsPrintedAgainMarkedAsUpdated() {
        String id = notifier.showCard(DEMO, Optional.empty(), card("3"));
        String again = notifier.showCard(DEMO, Optional.of(id), card("5"));

        assertThat(again).isEqualTo(id);
        assertThat(shown())
                .contains("[#demo] new card")
                .contains("[#demo] card updated")
                .containsSubsequence("Bought:       3", "Bought:       5");
    }

    @Test
    void notesAreIndentedUnderTheirCampaignAndChannelMessagesAreNot() {
        String id = notifier.showCard(DEMO, Optional.empty(), card("3"));

        notifier.postNote(DEMO, Optional.of(id), "+2 buyers: @dan.k, Jake · +$25.00 · total 5 / $62.50");
        notifier.postNote(DEMO, Optional.of(id), "first line\nsecond line");
        notifier.postMessage(DEMO, "Mila Rose's OnlyFans session has expired");

        assertThat(shown())
                .contains("\n    ↳ [#demo · MC-3 thread] +2 buyers: @dan.k, Jake · +$25.00 · total 5 / $62.50\n")
                .contains("    ↳ [#demo · MC-3 thread] first line\n      second line\n")
                .contains("\n[#demo] Mila Rose's OnlyFans session has expired\n");
    }

    @Test
    void anImageIsWrittenToAFileAndItsCaptionPrintedWithThePath() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 7};
        ChatImage image = new ChatImage("digest-demo-2026-03-23-0900.png", "revenue per day", png);

        notifier.postImage(DEMO, Markup.strong("Digest asked for by " + Mention.of("alice") + " · Mila Rose"), image);
        notifier.postImage(DEMO, "again", image);

        Path first = images.resolve("digest-demo-2026-03-23-0900.png");
        Path second = images.resolve("digest-demo-2026-03-23-0900-2.png");
        assertThat(shown())
                .contains("\n[#demo] Digest asked for by @alice · Mila Rose\n  chart (PNG): " + first.toAbsolutePath()
                        + "\n")
                .contains("\n[#demo] again\n  chart (PNG): " + second.toAbsolutePath());
        assertThat(Files.readAllBytes(first)).isEqualTo(png);
        assertThat(Files.readAllBytes(second)).isEqualTo(png);
    }

    @Test
    void anImageThatCannotBeWrittenIsNotDeliveredSoTheOutboxTriesAgain() throws IOException {
        Path notADirectory = Files.writeString(images.resolve("taken"), "a file");
        ShellNotifier blocked = new ShellNotifier(
                ShellConsole.of(new PrintStream(screen, true, StandardCharsets.UTF_8)), notADirectory);
        ChatImage image =
                new ChatImage("digest.png", "", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});

        assertThatThrownBy(() -> blocked.postImage(DEMO, "caption", image))
                .isInstanceOf(NotDelivered.class)
                .hasMessageContaining("could not write the image to " + notADirectory);
        assertThat(shown()).doesNotContain("caption");
    }
}
