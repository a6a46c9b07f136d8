package io.masscast.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.masscast.core.command.CampaignCards;
import io.masscast.core.command.CampaignView;
import io.masscast.core.model.Audience;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.StatsFigures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A live card's update and a buyers note as Slack's Web API receives them. */
class SlackLiveCardTest {
    private static final Instant NOW = Instant.parse("2026-03-20T13:05:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private SlackTestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private static CampaignView sentPpv(Optional<Long> recipients, StatsFigures figures) {
        MessageContent content = new MessageContent(
                "New set is up 🔥", true, false, List.of(MediaItem.vault(48213377)), 0, new BigDecimal("12.50"));
        Campaign campaign = new Campaign(
                7,
                12,
                SlackTestBed.CHANNEL,
                "conn_demo",
                SlackTestBed.ALICE,
                "Alice",
                content,
                Audience.ofLists("fans"),
                Optional.empty(),
                CampaignState.SENT,
                "fp",
                5,
                NOW.minus(Duration.ofHours(1)),
                NOW,
                Optional.of(3409917724L),
                Optional.empty(),
                Optional.of(NOW.minus(Duration.ofMinutes(5))),
                Optional.of(NOW.plus(Duration.ofMinutes(5))),
                Optional.empty());
        Binding binding = new Binding(
                SlackTestBed.CHANNEL,
                "conn_demo",
                "Mila Rose",
                BERLIN,
                Set.of(SlackTestBed.BOB),
                BindingPolicy.defaults());
        CampaignStats stats = new CampaignStats(
                7,
                recipients,
                figures,
                Optional.of(NOW.minusSeconds(20)),
                Optional.empty(),
                true,
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.empty());
        return new CampaignView(
                campaign,
                binding,
                List.of(),
                List.of(),
                List.of(),
                Optional.of(stats),
                List.of(),
                NOW,
                Optional.empty(),
                false,
                List.of());
    }

    private static List<String> fieldTexts(JsonArray blocks) {
        List<String> fields = new ArrayList<>();
        for (JsonElement block : blocks) {
            JsonObject section = block.getAsJsonObject();
            if (section.has("fields")) {
                section.getAsJsonArray("fields")
                        .forEach(f -> fields.add(f.getAsJsonObject().get("text").getAsString()));
            }
        }
        return fields;
    }

    @Test
    void theCardsUpdateCarriesItsLiveNumbersAndTheUnsendWindow() {
        CampaignView view =
                sentPpv(Optional.of(2412L), new StatsFigures(2412, 1085, 97, new BigDecimal("1212.50"), false));

        bed.adapter
                .notifier()
                .showCard(SlackTestBed.CHANNEL, Optional.of("1770000000.000100"), new CampaignCards().render(view));

        FakeSlackApi.Call update = bed.slack.awaitCall("chat.update");
        assertThat(update.param("ts")).isEqualTo("1770000000.000100");
        JsonArray blocks = update.jsonParam("blocks").getAsJsonArray();
        assertThat(blocks.get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("text")
                        .get("text")
                        .getAsString())
                .isEqualTo(":white_check_mark: MC-12 · PPV $12.50 for Mila Rose — sent");
        assertThat(fieldTexts(blocks))
                .contains(
                        "*Sent*\n2,412",
                        "*Viewed*\n1,085 · 45.0 % of sent",
                        "*Bought*\n97 · 4.0 % of sent",
                        "*Revenue*\n$1,212.50 (purchases × price)",
                        "*As of*\n14:04 Europe/Berlin");
        assertThat(BlockKitJson.buttons(blocks)).containsOnlyKeys("Unsend (until 14:10)");
        assertThat(bed.slack.calls("chat.postMessage"))
                .as("edited in place, not posted again")
                .isEmpty();
    }

    @Test
    void whileSendingTheCardSaysHowManyOfTheRecipientsHaveItAndAReportedAmountSaysSo() {
        CampaignView view = sentPpv(Optional.of(2412L), new StatsFigures(800, 120, 2, new BigDecimal("30.00"), true));

        bed.adapter
                .notifier()
                .showCard(SlackTestBed.CHANNEL, Optional.of("1770000000.000100"), new CampaignCards().render(view));

        assertThat(fieldTexts(
                        bed.slack.awaitCall("chat.update").jsonParam("blocks").getAsJsonArray()))
                .contains("*Sent*\n800 of 2,412", "*Revenue*\n$30.00 (reported by OFAuth)");
    }

    @Test
    void aBuyersNoteGoesIntoTheCardsThreadWithFanNamesShownLiterally() {
        bed.adapter
                .notifier()
                .postNote(
                        SlackTestBed.CHANNEL,
                        Optional.of("1770000000.000100"),
                        "+2 buyers: @dan.k, Jake & Co · +$25.00 · total 26 / $325.00");

        FakeSlackApi.Call note = bed.slack.awaitCall("chat.postMessage");
        assertThat(note.param("thread_ts")).isEqualTo("1770000000.000100");
        assertThat(note.param("text")).isEqualTo("+2 buyers: @dan.k, Jake &amp; Co · +$25.00 · total 26 / $325.00");
    }
}
