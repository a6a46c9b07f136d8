package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.masscast.adapter.shell.ShellNotifier;
import io.masscast.chart.XChartRenderer;
import io.masscast.simulator.RecordedRequest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The terminal adapter end to end on the OFAuth simulator, typed line by line. */
class ShellEndToEndTest {

    private static List<RecordedRequest> requests(ShellSession shell, String method) {
        return shell.simulator.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith("/v2/access/mass-messages"))
                .toList();
    }

    private static Map<String, Object> json(String body) throws IOException {
        Type type = Types.newParameterizedType(Map.class, String.class, Object.class);
        return new Moshi.Builder().build().<Map<String, Object>>adapter(type).fromJson(body);
    }

    @Test
    void composeApproveAndSendShowsOnePostWithTheExpectedJsonAndASentCard() throws IOException {
        try (ShellSession shell = new ShellSession()) {
            shell.await("You are alice.");
            shell.type("/masscast new text=\"Weekend set 🔥\" lists=\"VIP whales\" exclude=\"Do not PPV\"");
            assertThat(shell.awaitAll("MC-1 is waiting for approval", "awaiting approval"))
                    .contains("[#demo] new card");

            shell.type("/masscast approve MC-1");
            shell.await("You requested MC-1 and this channel doesn't allow approving your own campaigns");

            shell.type("/as bob").type("/masscast approve MC-1");
            shell.await("You approved MC-1");
            String sent = shell.await("— sent");

            assertThat(sent).contains("card updated");
            assertThat(requests(shell, "POST"))
                    .singleElement()
                    .satisfies(post -> assertThat(json(post.body())).isEqualTo(json("""
                            {"text": "Weekend set 🔥", "isMarkdown": true, "isLockedText": false,
                             "userLists": [1187345], "excludeUserLists": [1190022]}""")));
            assertThat(shell.endOfInput()).isZero();
            assertThat(requests(shell, "POST")).hasSize(1);
        }
    }

    @Test
    void theDigestIsPrintedWithThePathOfItsChart() throws IOException {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/masscast digest 7d");
            String posted = shell.awaitAll("is being posted in this channel", ".png");
            Matcher path = Pattern.compile("chart \\(PNG\\): (\\S+\\.png)").matcher(posted);
            assertThat(path.find()).as("the chart's path is printed").isTrue();

            assertThat(posted)
                    .contains("→ The digest of the last 7 days is being posted in this channel")
                    .contains("[#demo] Digest asked for by @alice · Mila Rose · ")
                    .contains("Last 7 days · no campaigns sent")
                    .contains("Chart: revenue per day over the last 14 days, by campaign, in USD.");
            Path chart = Path.of(path.group(1));
            try {
                assertThat(chart.getParent()).isEqualTo(ShellNotifier.IMAGE_DIRECTORY.toAbsolutePath());
                BufferedImage image = ImageIO.read(chart.toFile());
                assertThat(image.getWidth()).isEqualTo(XChartRenderer.WIDTH);
                assertThat(image.getHeight()).isEqualTo(XChartRenderer.HEIGHT);
            } finally {
                Files.deleteIfExists(chart);
            }
            assertThat(shell.endOfInput()).isZero();
        }
    }

    @Test
    void anEditedScheduledCampaignIsReapprovedAndReplacedWithAPut() throws IOException {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/masscast new text=\"Sunday drop\" lists=fans at=\"in 3h\"");
            shell.await("MC-1 is waiting for approval");
            shell.type("/as bob").type("/masscast approve MC-1");
            shell.await("— scheduled");
            assertThat(requests(shell, "POST")).hasSize(1);

            shell.type("/as alice").type("/masscast edit MC-1 text=\"Sunday drop, now with a bonus\"");
            shell.await("MC-1 was edited and is waiting for approval");
            shell.await("stays scheduled at OFAuth until this edit is approved");
            shell.type("/as carol").type("/masscast approve MC-1");
            shell.await("You approved MC-1");
            shell.await("— scheduled");

            List<RecordedRequest> puts = requests(shell, "PUT");
            assertThat(puts).singleElement().satisfies(put -> {
                assertThat(put.path()).isEqualTo("/v2/access/mass-messages/" + messageId(shell));
                assertThat(json(put.body()))
                        .containsEntry("text", "Sunday drop, now with a bonus")
                        .containsKey("scheduledDate");
            });
            assertThat(requests(shell, "POST")).hasSize(1);
            assertThat(shell.endOfInput()).isZero();
        }
    }

    @Test
    void cancellingAScheduledCampaignDeletesItAtOfAuth() {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/masscast new text=\"Maybe later\" lists=fans at=\"tomorrow 20:00\"");
            shell.await("MC-1 is waiting for approval");
            shell.type("/as bob").type("/masscast approve MC-1");
            shell.await("— scheduled");

            shell.type("/as alice").type("/masscast cancel MC-1");
            shell.await("MC-1 is cancelled.");
            shell.await("— cancelled");

            assertThat(requests(shell, "DELETE"))
                    .singleElement()
                    .satisfies(delete ->
                            assertThat(delete.path()).isEqualTo("/v2/access/mass-messages/" + messageId(shell)));
            assertThat(shell.endOfInput()).isZero();
        }
    }

    @Test
    void newWithoutArgumentsAsksEachFieldAndAsksAgainForAFieldWithAnError() {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/masscast new");
            shell.await("text — Message");
            shell.type("Hello from the form");
            for (String field : List.of("lists", "exclude", "users", "subscribed_after", "media", "files", "preview")) {
                shell.await(field + " — ");
                shell.type(field.equals("lists") ? "VIP whale" : "");
            }
            shell.await("price — ");
            shell.type("1.50");
            for (String field : List.of("locked", "markdown", "at", "split")) {
                shell.await(field + " — ");
                shell.type("");
            }

            String retry = shell.await("lists — ");
            assertThat(retry).contains("No list called \"VIP whale\". Did you mean \"VIP whales\"?");
            shell.type("vip whales");
            assertThat(shell.await("media — ")).contains("A priced message needs media to sell");
            shell.type("");
            assertThat(shell.await("price — ")).contains("A PPV price must be 3.00 to 200.00");
            shell.type("0");

            shell.await("MC-1 is waiting for approval");
            assertThat(shell.endOfInput()).isZero();
        }
    }

    @Test
    void aMistypedSplitInTheFormIsRefusedAtOnceAndAskedAgain() {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/masscast new");
            shell.await("text — Message");
            shell.type("Hello from the form");
            for (String field : List.of(
                    "lists",
                    "exclude",
                    "users",
                    "subscribed_after",
                    "media",
                    "files",
                    "preview",
                    "price",
                    "locked",
                    "markdown",
                    "at")) {
                shell.await(field + " — ");
                shell.type(field.equals("lists") ? "VIP whales" : "");
            }
            shell.await("split — ");
            shell.type("rnadom");

            String again = shell.await("split — ");
            assertThat(again)
                    .contains("! \"rnadom\" is not one of: empty (No test: one message), lists, random.")
                    .doesNotContain("text_b — ");
            assertThat(again.substring(again.lastIndexOf("split — "))).doesNotContain("[rnadom]");
            shell.type("random");
            shell.await("text_b — ");
            shell.type("Hello B");
            for (int i = 0; i < 7; i++) {
                shell.type("");
            }
            shell.await("A/B test MC-1 (2 variants, random split of ");
            assertThat(shell.endOfInput()).isZero();
        }
    }

    @Test
    void aLineThatIsNotACommandMakesThePipedRunExitNonZero() {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/masscast sned MC-1");
            shell.await("There is no /masscast sned.");
            assertThat(shell.endOfInput()).isEqualTo(1);
        }
    }

    @Test
    void terminalCommandsMatchWholeWordsAndRefuseWhatTheyCantRead() {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/asbob");
            shell.await("There is no terminal command \"/asbob\".");
            shell.type("/xyz");
            shell.await("There is no terminal command \"/xyz\".");
            for (String wait : List.of("-1", "1e309", "Infinity", "NaN", "601")) {
                shell.type("/wait " + wait);
                shell.await("Usage: /wait SECONDS, from 0 to 600");
            }
            shell.type("/as \u001B[31mmallory");
            shell.await("Usage: /as NAME");
            shell.type("/wait 0.05").type("/masscast new text=\"hi\" lists=fans");
            shell.await("MC-1 is waiting for approval");
            assertThat(shell.await("Requested by: @alice")).doesNotContain("bob");
            assertThat(shell.endOfInput()).isEqualTo(1);
        }
    }

    @Test
    void atATerminalLinesAreCompletedEditedAndRecalledAndPrintedInUtf8() {
        try (ShellSession shell = ShellSession.atTerminal()) {
            shell.await("You are alice.");
            shell.keys("/mas\tne\tte\t\"Hi there 🔥\" li\tfans\r");
            shell.awaitAll("MC-1 is waiting for approval", "new card");
            assertThat(shell.screen().substring(shell.screen().indexOf("new card")))
                    .contains("Hi there 🔥");

            shell.keys("\u0010\r"); // Ctrl-P recalls the line, Enter sends it again: a twin, refused unless confirmed
            shell.await("confirm: MC-1 has the same text and goes out within 15 minutes of this one");

            shell.keys("/masscast shoz\u007Fw MC-7\u00023\r"); // a typo rubbed out; Ctrl-B moves back to insert a 3
            shell.await("There is no MC-37 in this workspace.");

            shell.keys("/masscast new text=\"Yes!\" lists=fans\r"); // "!" is text, not a history event
            shell.await("MC-2 is waiting for approval");
            assertThat(shell.endOfInput()).isZero();
        }
    }

    private static long messageId(ShellSession shell) {
        String screen = shell.screen();
        int at = screen.indexOf("OFAuth message ");
        return Long.parseLong(screen.substring(at + "OFAuth message ".length()).split("\\D", 2)[0]);
    }
}
