package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.simulator.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repeat guard through the terminal on the OFAuth simulator: a text sent again to an overlapping audience is
 * refused at compose while the first goes out within minutes (unless confirmed), its card warns the approver naming
 * the earlier campaign and how it did, and the first approval sends nothing until it is confirmed.
 */
class ShellRepeatGuardTest {

    @Test
    void aRepeatIsWarnedOnTheCardAndSentOnlyAfterTheSecondConfirmation() {
        try (ShellSession shell = new ShellSession()) {
            sendFirst(shell);

            shell.type("/as alice").type("/masscast new text=\"Weekend set\" lists=\"VIP whales\"");
            shell.await("confirm: MC-1 has the same text and goes out within 15 minutes of this one");
            shell.type("/masscast new text=\"Weekend set\" lists=\"VIP whales\" confirm=yes");
            shell.await("MC-2 is waiting for approval");
            String card = shell.await("[Approve: /masscast approve MC-2]");
            assertThat(card)
                    .contains("Repeats:      The same text as MC-1, sent ")
                    .containsPattern(
                            "to an overlapping audience: 2,192 sent · [0-9,]+ viewed \\([0-9.]+ %\\)\\. Approving it"
                                    + " takes one more confirmation\\.");

            shell.type("/as bob").type("/masscast approve MC-2");
            String asked = shell.await("To confirm: /masscast approve MC-2 confirm=yes");
            assertThat(asked)
                    .contains("→ Approve MC-2 although it repeats MC-1?")
                    .contains("The same text as MC-1, sent ")
                    .contains("Fans on both audiences get it again.");
            shell.type("/masscast show MC-2");
            shell.await("MC-2 · Message for Mila Rose — awaiting approval");
            assertThat(posts(shell)).hasSize(1);

            shell.type("/masscast approve MC-2 confirm=yes");
            shell.await("You approved MC-2 (version ");
            shell.await("MC-2 · Message for Mila Rose — sent");
            assertThat(shell.endOfInput()).isZero();
            List<RecordedRequest> posts = posts(shell);
            assertThat(posts).hasSize(2);
            assertThat(posts.get(1).body()).contains("\"text\":\"Weekend set\"").contains("\"userLists\":[1187345]");
        }
    }

    @Test
    void withTheRepeatWindowOffTheCardWarnsOfNothingAndOneApprovalSends() {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/masscast policy repeat_window=off");
            shell.await("repeat warning: off");
            sendFirst(shell);

            shell.type("/as alice").type("/masscast new text=\"Weekend set\" lists=\"VIP whales\" confirm=yes");
            String card = shell.await("[Approve: /masscast approve MC-2]");
            assertThat(card).doesNotContain("Repeats:");
            shell.type("/as bob").type("/masscast approve MC-2");
            shell.await("You approved MC-2 (version ");
            shell.await("MC-2 · Message for Mila Rose — sent");
            assertThat(shell.endOfInput()).isZero();
            assertThat(posts(shell)).hasSize(2);
        }
    }

    @Test
    void aTextSentToARandomSharesFanIdsIsWarnedWhenItGoesToAListAgainAsAMaybe() {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/masscast new text=\"Option A\" lists=\"VIP whales\",Tippers split=random text_b=\"Option B\"");
            shell.await("awaiting approval");
            shell.type("/as bob").type("/masscast approve MC-1");
            shell.await("Status:       sent ");

            shell.type("/as alice").type("/masscast new text=\"Option A\" lists=Tippers confirm=yes");
            shell.await("MC-3 is waiting for approval");
            String card = shell.await("[Approve: /masscast approve MC-3]");
            assertThat(card)
                    .contains("Repeats:      The same text as MC-1, sent ")
                    .contains("to an audience that may overlap (fans named by id on one, lists on the other)");
            assertThat(shell.endOfInput()).isZero();
        }
    }

    @Test
    void aBadConfirmationIsRefusedSayingWhatToWrite() {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/masscast new text=\"Weekend set\" lists=fans confirm=perhaps");
            shell.await("confirm: \"perhaps\" is not yes or no: write confirm=yes");
            shell.type("/masscast list");
            shell.await("No campaigns in this channel yet.");
            assertThat(shell.endOfInput()).isZero();
        }
    }

    /** MC-1, sent to all fans and with its first numbers on the card. */
    private static void sendFirst(ShellSession shell) {
        shell.type("/masscast new text=\"Weekend set\" lists=fans");
        shell.await("MC-1 is waiting for approval");
        shell.type("/as bob").type("/masscast approve MC-1");
        shell.await("MC-1 · Message for Mila Rose — sent");
        shell.await("Sent:         2,192");
    }

    private static List<RecordedRequest> posts(ShellSession shell) {
        return shell.simulator.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v2/access/mass-messages"))
                .toList();
    }
}
