package io.masscast.adapter.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.command.Card;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The terminal's channel: a changed card is printed again, notes are indented under their campaign. */
class ShellNotifierTest {
    private static final ChannelRef DEMO = new ChannelRef(Platform.SHELL, "local", "demo");
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final ShellNotifier notifier = new ShellNotifier(new ShellConsole(new PrintStream(screen, true, StandardCharsets.UTF_8)));

    private static Card card(String bought) {
        return new Card("MC-3 · PPV $12.50 for Mila Rose — sent", Card.Tone.GOOD,
                List.of(new Card.Field("Bought", bought)), "", "MC-3 · version abc", List.of());
    }

    private String shown() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCardThatChangedIsPrintedAgainMarkedAsUpdated() {
        String id = notifier.showCard(DEMO, Optional.empty(), card("3"));
        String again = notifier.showCard(DEMO, Optional.of(id), card("5"));

        assertThat(again).isEqualTo(id);
        assertThat(shown()).contains("[#demo] new card").contains("[#demo] card updated")
                .containsSubsequence("Bought:       3", "Bought:       5");
    }

    @Test
    void notesAreIndentedUnderTheirCampaignAndChannelMessagesAreNot() {
        String id = notifier.showCard(DEMO, Optional.empty(), card("3"));

        notifier.postNote(DEMO, Optional.of(id), "+2 buyers: @dan.k, Jake · +$25.00 · total 5 / $62.50");
        notifier.postNote(DEMO, Optional.of(id), "first line\nsecond line");
        notifier.postMessage(DEMO, "Mila Rose's OnlyFans session has expired");

        assertThat(shown()).contains("\n    ↳ [#demo · MC-3 thread] +2 buyers: @dan.k, Jake · +$25.00 · total 5 / $62.50\n")
                .contains("    ↳ [#demo · MC-3 thread] first line\n      second line\n")
                .contains("\n[#demo] Mila Rose's OnlyFans session has expired\n");
    }
}
