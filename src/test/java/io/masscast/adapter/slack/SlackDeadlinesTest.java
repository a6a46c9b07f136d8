package io.masscast.adapter.slack;

import static io.masscast.adapter.slack.SlackPayloads.selected;
import static io.masscast.adapter.slack.SlackPayloads.text;
import static io.masscast.adapter.slack.SlackTestBed.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.masscast.adapter.common.AckBudgets;
import io.masscast.core.model.CampaignState;
import io.masscast.core.policy.Fields;
import io.masscast.testing.FakeOfAuthGateway;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack gives 3 seconds. When OFAuth is slow, masscast still acks in time and the answer follows: through
 * {@code response_url}, as a private message, or (for the form's lists) as a search while the user types.
 * The budgets are shortened here so that "slow" is a fraction of a second.
 */
class SlackDeadlinesTest {
    private static final AckBudgets SHORT = new AckBudgets(
            Duration.ofMillis(150), Duration.ofMillis(100), Duration.ofMillis(150), Duration.ofMillis(1000));
    private static final Duration SLOW_OFAUTH = Duration.ofMillis(500);

    private SlackTestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start(SHORT);
        bed.bindChannel();
        bed.ofauth.delay(SLOW_OFAUTH);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void aSlowCommandIsAckedEmptyAndAnswersThroughTheResponseUrl() {
        SlackTestBed.Sent lists = bed.slash(ALICE, "lists");

        assertThat(lists.status()).isEqualTo(200);
        assertThat(lists.body()).isEmpty();
        FakeSlackApi.Call answer = bed.slack.awaitResponse(lists.responseUrl());
        assertThat(answer.param("response_type")).isEqualTo("ephemeral");
        assertThat(answer.param("text")).contains("VIP", "1,234");
    }

    @Test
    void theFormOpensInTimeAndSearchesListsAsTheUserTypesWhenOfauthIsSlow() {
        SlackTestBed.Sent command = bed.slash(ALICE, "new");

        JsonObject view = bed.openedView(command.triggerId());
        assertThat(BlockKitJson.element(view, Fields.LISTS).get("type").getAsString())
                .isEqualTo("multi_external_select");
        assertThat(BlockKitJson.element(view, Fields.EXCLUDE).get("type").getAsString())
                .isEqualTo("multi_external_select");
        assertThat(BlockKitJson.inputs(view))
                .doesNotContainKey(ComposeModal.MEDIA_VAULT)
                .containsKey(Fields.MEDIA);

        bed.ofauth.delay(Duration.ZERO);
        HttpResponse<String> search =
                bed.post(SlackPayloads.form(SlackPayloads.listSearch(ALICE, Fields.LISTS, "vi", view)));

        assertThat(search.statusCode()).isEqualTo(200);
        JsonObject options = JsonParser.parseString(search.body()).getAsJsonObject();
        assertThat(BlockKitJson.strings(options.getAsJsonArray("options"), "value"))
                .containsExactly(FakeOfAuthGateway.VIP.id());
        assertThat(BlockKitJson.text(options.getAsJsonArray("options"))).contains("VIP (1,234)");
    }

    @Test
    void aSlowSubmissionClosesTheModalAndTheOutcomeFollowsPrivately() {
        JsonObject view = bed.openedView(bed.slash(ALICE, "new").triggerId());
        bed.clock.advance(
                Duration.ofMinutes(6)); // whatever the form loaded is stale: the submission reads OFAuth again

        HttpResponse<String> submitted = bed.submit(
                ALICE,
                view,
                Map.of(
                        Fields.TEXT, text("Hi"),
                        Fields.LISTS, selected("multi_external_select", FakeOfAuthGateway.VIP.id()),
                        Fields.MEDIA, text("48213377")));

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).isEmpty();
        assertThat(bed.slack.calls("chat.postEphemeral"))
                .as("acked before the core finished")
                .isEmpty();
        FakeSlackApi.Call told = bed.slack.awaitCall("chat.postEphemeral");
        assertThat(told.param("user")).isEqualTo(ALICE);
        assertThat(told.param("text")).contains("MC-1 is waiting for approval");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);
    }
}
