package io.masscast.adapter.slack;

import static io.masscast.adapter.slack.SlackPayloads.dateTime;
import static io.masscast.adapter.slack.SlackPayloads.number;
import static io.masscast.adapter.slack.SlackPayloads.selected;
import static io.masscast.adapter.slack.SlackPayloads.text;
import static io.masscast.adapter.slack.SlackTestBed.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.masscast.core.policy.Fields;
import io.masscast.testing.FakeOfAuthGateway;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two ways the compose modal used to change a campaign behind the requester's back: a send time picked in the
 * repeated hour of the fall-back night went out an hour early, and editing a text longer than the modal's
 * 3,000-character input cut it to 3,000 characters.
 */
class SlackComposeFormDefectsTest {
    /** Berlin's clocks go back from 03:00 to 02:00 on 2026-10-25; this is the second 02:30 (CET). */
    private static final Instant SECOND_0230 = Instant.parse("2026-10-25T01:30:00Z");

    private SlackTestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start();
        bed.clock.set(Instant.parse("2026-10-20T10:00:00Z"));
        bed.bindChannel();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void aTimePickedInTheRepeatedHourIsSentAtThatInstant() {
        JsonObject view = bed.openedView(bed.slash(ALICE, "new").triggerId());
        Map<String, JsonObject> inputs = new LinkedHashMap<>();
        inputs.put(Fields.TEXT, text("New set"));
        inputs.put(Fields.LISTS, selected("multi_static_select", FakeOfAuthGateway.VIP.id()));
        inputs.put(ComposeModal.MEDIA_VAULT, selected("multi_static_select", "48213377", "48213378"));
        inputs.put(Fields.PREVIEW, number("1"));
        inputs.put(Fields.PRICE, number("12.50"));
        inputs.put(Fields.AT, dateTime(SECOND_0230.getEpochSecond()));

        HttpResponse<String> submitted = bed.submit(ALICE, view, inputs);

        assertThat(submitted.body()).isEmpty();
        assertThat(bed.campaign(1).scheduledAt()).contains(SECOND_0230);
        bed.showCard(1);
        assertThat(BlockKitJson.text(bed.slack
                        .awaitCall("chat.postMessage")
                        .jsonParam("blocks")
                        .getAsJsonArray()))
                .contains("2026-10-25 02:30 Europe/Berlin (01:30 UTC");
    }

    @Test
    void editingAFormWithATextTooLongForItKeepsTheWholeText() {
        String longText = "Weekend special. " + "x".repeat(4000);
        SlackTestBed.Sent composed =
                bed.slash(ALICE, "new text=\"" + longText + "\" lists=VIP media=48213377,99 preview=1 price=12.50");
        assertThat(JsonParser.parseString(composed.body())
                        .getAsJsonObject()
                        .get("text")
                        .getAsString())
                .contains("MC-1 is waiting for approval");

        JsonObject view = bed.openedView(bed.slash(ALICE, "edit MC-1").triggerId());

        assertThat(BlockKitJson.inputs(view)).doesNotContainKey(Fields.TEXT);
        assertThat(BlockKitJson.text(view.getAsJsonArray("blocks")))
                .contains("4,017 characters", "stays exactly as it is", "/masscast edit MC-1 text=");

        HttpResponse<String> saved = bed.submit(
                ALICE,
                view,
                Map.of(
                        Fields.LISTS, selected("multi_static_select", FakeOfAuthGateway.VIP.id()),
                        ComposeModal.MEDIA_VAULT, selected("multi_static_select", "48213377"),
                        Fields.MEDIA, text("99"),
                        Fields.PREVIEW, number("1"),
                        Fields.PRICE, number("15.00")));

        assertThat(saved.body()).isEmpty();
        assertThat(bed.campaign(1).content().price()).isEqualByComparingTo(new BigDecimal("15.00"));
        assertThat(bed.campaign(1).content().text()).isEqualTo(longText);
    }
}
